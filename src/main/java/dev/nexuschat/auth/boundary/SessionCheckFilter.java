package dev.nexuschat.auth.boundary;

import dev.nexuschat.auth.control.AccessTokenVerifier;
import dev.nexuschat.auth.control.AccessTokens;
import jakarta.annotation.Priority;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.security.Principal;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * mpJwt has checked the signature, issuer, audience and expiry of the caller's access token; this
 * refuses it (401 UNAUTHORIZED) when its session ({@code sid}) has ended, before any protected
 * resource runs. A lookup in memory (see {@code SessionRevocations}): no cost worth measuring.
 * Public endpoints are left alone, so a dead token sent along does not stop signing in again.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class SessionCheckFilter implements ContainerRequestFilter {
  @Context ResourceInfo resource;
  @Inject AccessTokenVerifier verifier;

  @Override
  public void filter(ContainerRequestContext request) {
    if (isPublic()) {
      return;
    }
    Principal caller = request.getSecurityContext().getUserPrincipal();
    if (caller instanceof JsonWebToken token) {
      verifier.checkSessionClaim(token.getClaim(AccessTokens.SESSION_CLAIM));
    }
  }

  private boolean isPublic() {
    if (resource == null || resource.getResourceMethod() == null) {
      return false;
    }
    return resource.getResourceMethod().isAnnotationPresent(PermitAll.class)
        || resource.getResourceClass().isAnnotationPresent(PermitAll.class);
  }
}
