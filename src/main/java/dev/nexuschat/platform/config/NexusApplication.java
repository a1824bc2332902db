package dev.nexuschat.platform.config;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The REST API root. Every resource is under {@code /api/v1}; access tokens are MicroProfile JWTs.
 */
@ApplicationPath("/api/v1")
@LoginConfig(authMethod = "MP-JWT", realmName = "nexuschat")
@DeclareRoles(NexusApplication.USER_ROLE)
@SecurityScheme(
    securitySchemeName = NexusApplication.BEARER_SCHEME,
    type = SecuritySchemeType.HTTP,
    scheme = "bearer",
    bearerFormat = "JWT",
    description =
        "Access token from POST /api/v1/auth/login or /auth/refresh: valid 30 minutes, or until"
            + " its session ends (logout, refresh-token reuse), whichever comes first.")
@OpenAPIDefinition(
    info =
        @Info(
            title = "NexusChat API",
            version = "1",
            description = NexusApplication.DESCRIPTION,
            license = @License(name = "Apache-2.0")),
    tags = {
      @Tag(name = "auth", description = "Registration, login and token lifecycle"),
      @Tag(name = "users", description = "Profiles and user search"),
      @Tag(name = "rooms", description = "Rooms, direct messages and membership"),
      @Tag(name = "messages", description = "History, sending, editing, deleting, read marks"),
      @Tag(name = "threads", description = "Thread pages, following, thread read positions")
    })
public class NexusApplication extends Application {
  public static final String USER_ROLE = "user";
  public static final String BEARER_SCHEME = "bearer";

  /** The API's description on /openapi, the real-time transport (not a REST path) included. */
  static final String DESCRIPTION =
      """
      REST API of NexusChat: auth, users, rooms, members and messages. Errors are RFC 9457 \
      application/problem+json with a machine-readable `code`.

      ## Real-time: `/ws`
      A WebSocket on the same origin, authenticated by the subprotocol pair `bearer, <access \
      token>`, an `Authorization: Bearer` header or `?access_token=`. Every frame is JSON \
      `{"event", "data", "ref"?}`; a client frame with a `ref` gets one `ack` or `error` with it.

      - **`ready`** is the first frame of every socket: `{"connection_id", "rooms": [{"room_id", \
      "last_message_id", "last_seq"}]}`, sent once the socket is in all its rooms and its node \
      hears them. Every message committed after those positions is delivered live on the socket; \
      anything up to them is history (`GET /rooms/{id}/messages?after=`). Frames the socket sends \
      earlier are answered after `ready`. A client that waits for `ready` and fetches what moved \
      since what it shows is gap-free.
      - **`seq`**: every later server frame carries the connection's next number (1, 2, 3, ...); \
      a hole means a frame was lost: reconnect and catch up.
      - Close codes: 1001 shutdown or silent; 1008 too slow a reader; 1012 events may have been \
      missed (reconnect and catch up); 1013 not ready in time (reconnect); 4001 access token \
      expired or session ended (refresh, then reconnect).
      """;
}
