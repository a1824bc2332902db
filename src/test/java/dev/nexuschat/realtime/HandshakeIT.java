package dev.nexuschat.realtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nexuschat.testsupport.Api;
import dev.nexuschat.testsupport.NexusIT;
import dev.nexuschat.testsupport.NexusServer;
import dev.nexuschat.testsupport.TestUser;
import dev.nexuschat.testsupport.Tokens;
import dev.nexuschat.testsupport.WsClient;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@NexusIT
class HandshakeIT {
  private static TestUser user;
  private static URI ws;

  @BeforeAll
  static void signIn() {
    user = Api.newUser("hs");
    ws = URI.create(WsClient.wsUrl(NexusServer.node().baseUrl()));
  }

  @Test
  void acceptsTheTokenAsSubprotocolAndAnswersBearer() {
    try (WsClient client = WsClient.open(ws, Map.of(), "bearer", user.accessToken())) {
      assertEquals("bearer", client.subprotocol());
      assertEquals("pong", pong(client));
    }
  }

  @Test
  void acceptsTheTokenInTheAuthorizationHeader() {
    try (WsClient client =
        WsClient.open(ws, Map.of("Authorization", "Bearer " + user.accessToken()))) {
      assertEquals("pong", pong(client));
    }
  }

  @Test
  void acceptsTheTokenAsQueryParameter() {
    try (WsClient client =
        WsClient.open(URI.create(ws + "?access_token=" + user.accessToken()), Map.of())) {
      assertEquals("pong", pong(client));
    }
  }

  @Test
  void refusesAMissingTokenWith401() {
    assertEquals(401, WsClient.handshakeStatus(ws, Map.of()));
  }

  @Test
  void refusesATamperedTokenWith401() {
    String token = user.accessToken();
    String tampered = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");
    assertEquals(401, WsClient.handshakeStatus(ws, Map.of(), "bearer", tampered));
  }

  @Test
  void refusesAnExpiredTokenWith401() {
    assertEquals(
        401,
        WsClient.handshakeStatus(
            ws, Map.of("Authorization", "Bearer " + Tokens.expiringIn(user, -5))));
  }

  @Test
  void refusesARefreshTokenWith401() {
    assertEquals(
        401,
        WsClient.handshakeStatus(
            URI.create(ws + "?access_token=" + user.refreshToken()), Map.of()));
  }

  @Test
  void refusesAnUntrustedOriginWith403() {
    assertEquals(
        403,
        WsClient.handshakeStatus(
            ws, Map.of("Origin", "https://evil.example.test"), "bearer", user.accessToken()));
  }

  @Test
  void acceptsAConfiguredOrigin() {
    assertEquals(
        101,
        WsClient.handshakeStatus(
            ws, Map.of("Origin", NexusServer.CORS_ORIGIN), "bearer", user.accessToken()));
  }

  @Test
  void closesWith4001WhenTheTokenExpires() {
    try (WsClient client =
        WsClient.connect(NexusServer.node().baseUrl(), Tokens.expiringIn(user, 2))) {
      assertEquals(4001, client.awaitClose());
    }
  }

  @Test
  void closesAFrameOver64KiBWith1009() {
    try (WsClient client = WsClient.connect(user)) {
      client.sendRaw("{\"event\":\"ping\",\"data\":{\"pad\":\"" + "x".repeat(70 * 1024) + "\"}}");
      assertEquals(1009, client.awaitClose());
    }
  }

  private static String pong(WsClient client) {
    String ref = client.send("ping", "{}");
    return client.reply(ref).getString("event").equals("ack") ? "pong" : "no pong";
  }
}
