package dev.nexuschat.auth.boundary;

import dev.nexuschat.auth.control.AuthService;
import dev.nexuschat.platform.errors.Unauthenticated;
import dev.nexuschat.platform.json.OptionalBody;
import dev.nexuschat.platform.ratelimit.AttemptLimited;
import dev.nexuschat.platform.web.ClientAddress;
import dev.nexuschat.presence.control.PresenceDirectory;
import dev.nexuschat.user.control.UserViews;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /auth}: public endpoints that start, renew and end sessions. */
@Path("/auth")
@PermitAll
@RequestScoped
@Tag(name = "auth")
@SecurityRequirements
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AuthResource {
  static final String REFRESH_COOKIE = "nexus_refresh";
  static final String COOKIE_PATH = "/api/v1/auth";

  @Inject AuthService auth;
  @Inject PresenceDirectory presence;
  @Inject ClientAddress clientAddress;
  @Context HttpServletRequest request;

  @POST
  @Path("/register")
  @AttemptLimited(bucket = "register", perMinute = 5)
  @Operation(summary = "Create an account")
  @APIResponse(
      responseCode = "201",
      description = "The new account",
      content = @Content(schema = @Schema(implementation = UserViews.Registered.class)))
  @APIResponse(
      responseCode = "400",
      description = "VALIDATION_FAILED: every failing field is listed")
  @APIResponse(responseCode = "409", description = "EMAIL_TAKEN or USERNAME_TAKEN")
  @APIResponse(responseCode = "429", description = "RATE_LIMITED: 5 attempts per minute per IP")
  public Response register(@Valid @NotNull(message = "is required") AuthRequests.Register body) {
    var user = auth.register(body.email(), body.username(), body.displayName(), body.password());
    return Response.status(Response.Status.CREATED)
        .header("Location", "/api/v1/users/" + user.id())
        .entity(UserViews.Registered.of(user))
        .build();
  }

  @POST
  @Path("/login")
  @AttemptLimited(bucket = "login", perMinute = 5)
  @Operation(
      summary = "Sign in",
      description =
          "Returns an access token (30 min) and a refresh token"
              + " (7 days, 30 with remember_me), which is also set as an httpOnly cookie.")
  @APIResponse(
      responseCode = "200",
      description = "Signed in",
      content = @Content(schema = @Schema(implementation = TokenResponse.class)))
  @APIResponse(
      responseCode = "401",
      description = "UNAUTHORIZED: wrong email or password (same answer for both)")
  @APIResponse(responseCode = "429", description = "RATE_LIMITED: 5 attempts per minute per IP")
  public Response login(@Valid @NotNull(message = "is required") AuthRequests.Login body) {
    AuthService.Session session =
        auth.login(body.email(), body.password(), Boolean.TRUE.equals(body.rememberMe()));
    return withRefreshCookie(session);
  }

  @POST
  @Path("/refresh")
  @Operation(
      summary = "Rotate the refresh token",
      description =
          "Takes the refresh token from the body"
              + " or the cookie and answers with a new access token and a new refresh token. Presenting a"
              + " token again within NEXUS_REFRESH_GRACE_SECONDS (10 s) of its rotation (a retry, two"
              + " tabs) answers with the same new refresh token and a fresh access token of the same"
              + " session. Presenting it later revokes its whole family (the session): its access"
              + " tokens are refused from then on and its open sockets are closed with 4001, on every"
              + " node.")
  @APIResponse(
      responseCode = "200",
      description = "New tokens",
      content = @Content(schema = @Schema(implementation = TokenResponse.class)))
  @APIResponse(
      responseCode = "401",
      description = "UNAUTHORIZED: invalid, expired, revoked or reused token")
  @RequestBody(
      required = false,
      content = @Content(schema = @Schema(implementation = AuthRequests.Refresh.class)))
  @Consumes(MediaType.WILDCARD) // the body is optional: no Content-Type either
  public Response refresh(String rawBody, @CookieParam(REFRESH_COOKIE) String cookie) {
    String token = refreshToken(rawBody, cookie);
    if (token == null || token.isBlank()) {
      throw new Unauthenticated("No refresh token in the body or the cookie");
    }
    return withRefreshCookie(auth.refresh(token));
  }

  @POST
  @Path("/logout")
  @Operation(
      summary = "Sign out",
      description =
          "Ends the session: revokes the refresh token's family and clears the cookie. The"
              + " session's access tokens are refused (401) from then on although unexpired, and its"
              + " open sockets are closed with 4001, on every node. Other sessions of the user stay.")
  @APIResponse(responseCode = "204", description = "Signed out")
  @RequestBody(
      required = false,
      content = @Content(schema = @Schema(implementation = AuthRequests.Refresh.class)))
  @Consumes(MediaType.WILDCARD) // the body is optional: no Content-Type either
  public Response logout(String rawBody, @CookieParam(REFRESH_COOKIE) String cookie) {
    String token = refreshToken(rawBody, cookie);
    if (token != null) {
      auth.logout(token);
    }
    return Response.noContent().cookie(refreshCookie("", 0)).build();
  }

  @GET
  @Path("/availability")
  @AttemptLimited(bucket = "availability", perMinute = 30)
  @Operation(summary = "Are this email and/or username still free?")
  @APIResponse(responseCode = "200", description = "{email_available?, username_available?}")
  public Map<String, Boolean> availability(
      @QueryParam("email") String email, @QueryParam("username") String username) {
    return auth.availability(email, username);
  }

  /** The body's refresh_token wins over the cookie: an API client may hold several sessions. */
  private static String refreshToken(String rawBody, String cookie) {
    AuthRequests.Refresh body = OptionalBody.parse(rawBody, AuthRequests.Refresh.class);
    return body != null && body.refreshToken() != null ? body.refreshToken() : cookie;
  }

  private Response withRefreshCookie(AuthService.Session session) {
    var refresh = session.refresh();
    // Without remember-me the cookie ends with the browser session.
    Integer maxAge =
        refresh.rememberMe()
            ? (int) Duration.between(OffsetDateTime.now(), refresh.expiresAt()).toSeconds()
            : null;
    return Response.ok(TokenResponse.of(session, presence.isOnline(session.user().id())))
        .cookie(refreshCookie(refresh.token(), maxAge == null ? -1 : maxAge))
        .build();
  }

  private NewCookie refreshCookie(String value, int maxAge) {
    return new NewCookie.Builder(REFRESH_COOKIE)
        .value(value)
        .path(COOKIE_PATH)
        .httpOnly(true)
        .secure(clientAddress.isHttps(request))
        .sameSite(NewCookie.SameSite.STRICT)
        .maxAge(maxAge)
        .build();
  }
}
