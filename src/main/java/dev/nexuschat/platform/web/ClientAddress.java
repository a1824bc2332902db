package dev.nexuschat.platform.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The client's IP address for rate limits and logs: the socket's peer, unless that peer is a proxy
 * listed in {@code NEXUS_TRUSTED_PROXIES} (addresses or CIDR ranges), in which case the right-most
 * untrusted address of {@code X-Forwarded-For}.
 */
@ApplicationScoped
public class ClientAddress {
  @Inject
  @ConfigProperty(name = "NEXUS_TRUSTED_PROXIES")
  Optional<String> trustedProxies;

  private List<AddressRange> trusted = List.of();

  @PostConstruct
  void parse() {
    trusted = AddressRange.parseList(trustedProxies.orElse(""));
  }

  public String of(HttpServletRequest request) {
    return resolve(request.getRemoteAddr(), request.getHeader("X-Forwarded-For"));
  }

  /**
   * Whom a per-client rate limit counts: the IPv4 address, or an IPv6 client's /64 network, since
   * one subscriber usually holds a whole /64 and could otherwise rotate addresses at will.
   */
  public String rateLimitKey(HttpServletRequest request) {
    return rateLimitKey(of(request));
  }

  static String rateLimitKey(String address) {
    byte[] bytes = AddressRange.literal(address);
    if (bytes == null) {
      return address;
    }
    if (bytes.length == 4) {
      // also folds an IPv4-mapped IPv6 literal into the plain IPv4 form
      return (bytes[0] & 0xFF)
          + "."
          + (bytes[1] & 0xFF)
          + "."
          + (bytes[2] & 0xFF)
          + "."
          + (bytes[3] & 0xFF);
    }
    StringBuilder network = new StringBuilder();
    for (int i = 0; i < 8; i += 2) {
      network.append(Integer.toHexString((bytes[i] & 0xFF) << 8 | bytes[i + 1] & 0xFF)).append(':');
    }
    return network.append(":/64").toString();
  }

  /** Whether the client reached us over HTTPS, directly or through a trusted proxy. */
  public boolean isHttps(HttpServletRequest request) {
    if (request.isSecure()) {
      return true;
    }
    return isTrusted(request.getRemoteAddr())
        && "https".equalsIgnoreCase(request.getHeader("X-Forwarded-Proto"));
  }

  String resolve(String peer, String forwardedFor) {
    if (forwardedFor == null || !isTrusted(peer)) {
      return peer;
    }
    String[] hops = forwardedFor.split(",");
    List<String> chain = new ArrayList<>();
    for (String hop : hops) {
      if (!hop.isBlank()) {
        chain.add(hop.trim());
      }
    }
    for (int i = chain.size() - 1; i >= 0; i--) {
      if (!isTrusted(chain.get(i))) {
        return chain.get(i);
      }
    }
    // Every hop is a trusted address: the right-most is the one our own proxy saw connect. The
    // left-most is whatever the client chose to send.
    return chain.isEmpty() ? peer : chain.get(chain.size() - 1);
  }

  private boolean isTrusted(String address) {
    for (AddressRange range : trusted) {
      if (range.contains(address)) {
        return true;
      }
    }
    return false;
  }

  /** An address or CIDR range, IPv4 or IPv6. */
  record AddressRange(byte[] network, int prefixBits) {
    static List<AddressRange> parseList(String list) {
      List<AddressRange> ranges = new ArrayList<>();
      for (String item : list.split(",")) {
        if (!item.isBlank()) {
          ranges.add(parse(item.trim()));
        }
      }
      return List.copyOf(ranges);
    }

    static AddressRange parse(String text) {
      int slash = text.indexOf('/');
      byte[] address = literal(slash < 0 ? text : text.substring(0, slash));
      if (address == null) {
        throw new IllegalArgumentException(
            "NEXUS_TRUSTED_PROXIES: not an IP address or CIDR: " + text);
      }
      int bits = slash < 0 ? address.length * 8 : Integer.parseInt(text.substring(slash + 1));
      return new AddressRange(address, bits);
    }

    boolean contains(String text) {
      byte[] address = literal(text);
      if (address == null || address.length != network.length) {
        return false;
      }
      int fullBytes = prefixBits / 8;
      for (int i = 0; i < fullBytes; i++) {
        if (address[i] != network[i]) {
          return false;
        }
      }
      int rest = prefixBits % 8;
      if (rest == 0) {
        return true;
      }
      int mask = 0xFF << (8 - rest) & 0xFF;
      return (address[fullBytes] & mask) == (network[fullBytes] & mask);
    }

    /** Parses IP literals only: never a DNS lookup. */
    static byte[] literal(String text) {
      String candidate = text.trim();
      if (candidate.startsWith("[") && candidate.endsWith("]")) {
        candidate = candidate.substring(1, candidate.length() - 1);
      }
      if (!candidate.matches("[0-9.]+")
          && !(candidate.contains(":") && candidate.matches("[0-9A-Fa-f:.]+"))) {
        return null;
      }
      try {
        return InetAddress.getByName(candidate).getAddress();
      } catch (UnknownHostException e) {
        return null;
      }
    }
  }
}
