package dev.nexuschat.auth.boundary;

import dev.nexuschat.auth.control.AccessTokens;
import dev.nexuschat.auth.control.AuthService;
import dev.nexuschat.user.control.UserViews;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to login and refresh. The refresh token is also set as an httpOnly cookie. */
@Schema(name = "Tokens")
public record TokenResponse(
    String accessToken, String refreshToken, String tokenType, long expiresIn, UserViews.Me user) {

  static TokenResponse of(AuthService.Session session, boolean online) {
    return new TokenResponse(
        session.accessToken(),
        session.refresh().token(),
        "bearer",
        AccessTokens.LIFETIME.toSeconds(),
        UserViews.Me.of(session.user(), online));
  }
}
