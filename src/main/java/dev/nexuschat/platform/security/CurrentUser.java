package dev.nexuschat.platform.security;

import dev.nexuschat.platform.errors.Unauthenticated;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The caller of this request, as MicroProfile JWT verified it. */
@RequestScoped
public class CurrentUser {
  @Inject JsonWebToken token;

  public UUID id() {
    String subject = token == null ? null : token.getSubject();
    if (subject == null) {
      throw new Unauthenticated("A valid access token is required");
    }
    try {
      return UUID.fromString(subject);
    } catch (IllegalArgumentException e) {
      throw new Unauthenticated("The access token's subject is not a user id");
    }
  }
}
