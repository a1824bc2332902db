package dev.nexuschat.realtime.boundary;

import dev.nexuschat.auth.control.AccessTokenVerifier;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;

/**
 * Hands the identity the handshake filter accepted to the new session. The filter cannot pass
 * objects to the endpoint, so the (cheap, HMAC) verification runs again here; WebSocket 2.1 makes
 * these user properties a per-connection copy. Whether the token's session has ended was checked by
 * the filter and is checked again when the socket opens ({@code SessionSockets}): throwing here
 * would answer 500.
 */
public class HandshakeIdentity extends ServerEndpointConfig.Configurator {
  static final String ACCESS = "nexus.access";

  @Override
  public void modifyHandshake(
      ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
    AccessTokenVerifier verifier = CDI.current().select(AccessTokenVerifier.class).get();
    config
        .getUserProperties()
        .put(
            ACCESS,
            verifier.verifyIgnoringSession(
                BearerToken.find(request.getHeaders(), request.getParameterMap())));
  }
}
