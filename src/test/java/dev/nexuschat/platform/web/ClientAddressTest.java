package dev.nexuschat.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClientAddressTest {
  private static ClientAddress trusting(String proxies) {
    ClientAddress address = new ClientAddress();
    address.trustedProxies = Optional.ofNullable(proxies);
    address.parse();
    return address;
  }

  @Test
  void withoutTrustedProxiesTheHeaderIsIgnored() {
    assertEquals("203.0.113.7", trusting(null).resolve("203.0.113.7", "198.51.100.1"));
  }

  @Test
  void headerFromAnUntrustedPeerIsIgnored() {
    assertEquals("203.0.113.7", trusting("127.0.0.1").resolve("203.0.113.7", "198.51.100.1"));
  }

  @Test
  void trustedPeerWithoutHeaderIsTheClient() {
    assertEquals("127.0.0.1", trusting("127.0.0.1").resolve("127.0.0.1", null));
  }

  @Test
  void trustedPeerForwardsTheClientAddress() {
    assertEquals("198.51.100.1", trusting("127.0.0.1").resolve("127.0.0.1", "198.51.100.1"));
  }

  @Test
  void rightMostUntrustedHopIsTheClientSoASpoofedLeftHopIsIgnored() {
    ClientAddress address = trusting("127.0.0.1, 10.0.0.0/8");
    assertEquals("198.51.100.1", address.resolve("127.0.0.1", "6.6.6.6, 198.51.100.1, 10.1.2.3"));
  }

  @Test
  void cidrRangesAreHonoured() {
    ClientAddress address = trusting("10.0.0.0/8,192.168.1.0/24");
    assertEquals("198.51.100.9", address.resolve("10.200.3.4", "198.51.100.9"));
    assertEquals("198.51.100.9", address.resolve("192.168.1.77", "198.51.100.9"));
    assertEquals("192.168.2.1", address.resolve("192.168.2.1", "198.51.100.9"));
  }

  @Test
  void prefixThatIsNotAByteBoundaryIsHonoured() {
    ClientAddress address = trusting("172.16.0.0/12");
    assertEquals("198.51.100.9", address.resolve("172.31.255.255", "198.51.100.9"));
    assertEquals("172.32.0.1", address.resolve("172.32.0.1", "198.51.100.9"));
  }

  @Test
  void ipv6ProxiesAndClientsWork() {
    ClientAddress address = trusting("::1, 2001:db8:ffff::/48");
    assertEquals("2001:db8::1234", address.resolve("0:0:0:0:0:0:0:1", "2001:db8::1234"));
    assertEquals("2001:db8::1234", address.resolve("2001:db8:ffff:1::5", "2001:db8::1234"));
  }

  @Test
  void ipv4AddressIsNotInAnIpv6Range() {
    ClientAddress address = trusting("::/0");
    assertEquals("127.0.0.1", address.resolve("127.0.0.1", "198.51.100.1"));
  }

  @Test
  void allHopsTrustedGivesTheRightMostHopSoAClientInsideCannotPickItsOwn() {
    // A client at 10.0.0.2 sent "10.0.0.1" itself; the proxy at 10.0.0.9 appended what it saw.
    ClientAddress address = trusting("10.0.0.0/8");
    assertEquals("10.0.0.2", address.resolve("10.0.0.9", "10.0.0.1, 10.0.0.2"));
    assertEquals("10.0.0.2", address.resolve("10.0.0.9", "10.77.0.1, 10.0.0.2"));
  }

  @Test
  void emptyHeaderFromATrustedProxyGivesThePeer() {
    assertEquals("127.0.0.1", trusting("127.0.0.1").resolve("127.0.0.1", " , "));
  }

  @Test
  void hostNamesNeverMatchAndAreNeverLookedUp() {
    ClientAddress.AddressRange range = ClientAddress.AddressRange.parse("127.0.0.1");
    assertFalse(range.contains("localhost"));
    assertTrue(range.contains("127.0.0.1"));
  }

  @Test
  void malformedTrustedProxySettingFailsLoudly() {
    assertThrows(IllegalArgumentException.class, () -> trusting("proxy.internal"));
  }

  @Test
  void ipv4ClientsAreLimitedPerAddress() {
    assertEquals("203.0.113.7", ClientAddress.rateLimitKey("203.0.113.7"));
  }

  @Test
  void ipv6ClientsAreLimitedPerSlash64SoRotatingTheInterfaceIdDoesNotHelp() {
    String first = ClientAddress.rateLimitKey("2001:db8:a:b:1111:2222:3333:4444");
    assertEquals("2001:db8:a:b::/64", first);
    assertEquals(first, ClientAddress.rateLimitKey("2001:db8:a:b::9"));
    assertEquals("2001:db8:a:c::/64", ClientAddress.rateLimitKey("2001:db8:a:c::9"));
  }

  @Test
  void ipv4MappedIpv6IsTheIpv4Client() {
    assertEquals("203.0.113.7", ClientAddress.rateLimitKey("::ffff:203.0.113.7"));
  }
}
