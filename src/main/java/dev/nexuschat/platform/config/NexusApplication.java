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
            description =
                "REST API of NexusChat: auth, users, rooms, members and messages. Errors are"
                    + " RFC 9457 application/problem+json with a machine-readable `code`.",
            license = @License(name = "Apache-2.0")),
    tags = {
      @Tag(name = "auth", description = "Registration, login and token lifecycle"),
      @Tag(name = "users", description = "Profiles and user search"),
      @Tag(name = "rooms", description = "Rooms, direct messages and membership"),
      @Tag(name = "messages", description = "History, sending, editing, deleting, read marks")
    })
public class NexusApplication extends Application {
  public static final String USER_ROLE = "user";
  public static final String BEARER_SCHEME = "bearer";
}
