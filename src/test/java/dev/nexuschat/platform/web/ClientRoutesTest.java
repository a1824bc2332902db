package dev.nexuschat.platform.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClientRoutesTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "/",
        "/login",
        "/register",
        "/chat",
        "/chat/0190f7a2-1c3e-7b3a-9a44-5d3c2b1a0f00",
        "/settings"
      })
  void clientRoutesGetTheApp(String path) {
    assertTrue(ClientRoutes.isClientRoute(path), path);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/api",
        "/api/v1/rooms",
        "/api/v1/nope",
        "/ws",
        "/openapi",
        "/openapi/ui",
        "/health/ready",
        "/metrics",
        "/problem/404",
        "/WEB-INF/web.xml"
      })
  void serverPathsAreNeverRewritten(String path) {
    assertTrue(ClientRoutes.isServerPath(path), path);
    assertFalse(ClientRoutes.isClientRoute(path), path);
  }

  @Test
  void filesAndAssetsAreServedAsFiles() {
    assertFalse(ClientRoutes.isClientRoute("/favicon.svg"));
    assertFalse(ClientRoutes.isClientRoute("/assets/index-abc123.js"));
    assertTrue(ClientRoutes.isHashedAsset("/assets/index-abc123.js"));
    assertFalse(ClientRoutes.isHashedAsset("/index.html"));
  }

  @Test
  void lookAlikePathsAreClientRoutes() {
    assertTrue(ClientRoutes.isClientRoute("/apiary"));
    assertTrue(ClientRoutes.isClientRoute("/wsx"));
  }
}
