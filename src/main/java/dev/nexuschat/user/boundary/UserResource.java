package dev.nexuschat.user.boundary;

import dev.nexuschat.platform.config.NexusApplication;
import dev.nexuschat.platform.errors.FieldError;
import dev.nexuschat.platform.errors.Invalid;
import dev.nexuschat.platform.json.Patch;
import dev.nexuschat.platform.security.CurrentUser;
import dev.nexuschat.platform.web.Ids;
import dev.nexuschat.platform.web.QueryParams;
import dev.nexuschat.user.control.UserService;
import dev.nexuschat.user.control.UserViews;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /users}: the caller's profile, anyone's public profile, and user search. */
@Path("/users")
@RequestScoped
@RolesAllowed(NexusApplication.USER_ROLE)
@Tag(name = "users")
@SecurityRequirement(name = NexusApplication.BEARER_SCHEME)
@APIResponse(
    responseCode = "401",
    description = "UNAUTHORIZED: missing, invalid or expired access token")
@Produces(MediaType.APPLICATION_JSON)
public class UserResource {
  @Inject UserService users;
  @Inject CurrentUser caller;

  @GET
  @Path("/me")
  @Operation(summary = "The caller's own account")
  @APIResponse(
      responseCode = "200",
      description = "The account",
      content = @Content(schema = @Schema(implementation = UserViews.Me.class)))
  public UserViews.Me me() {
    return users.me(caller.id());
  }

  @PATCH
  @Path("/me")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Change display name and/or avatar",
      description =
          "Absent fields are left"
              + " alone; avatar_url null removes the avatar. avatar_url must be an https URL (plain http is refused), at most 2048 characters.")
  @RequestBody(content = @Content(schema = @Schema(implementation = ProfileChanges.class)))
  @APIResponse(
      responseCode = "200",
      description = "The updated account",
      content = @Content(schema = @Schema(implementation = UserViews.Me.class)))
  @APIResponse(responseCode = "400", description = "VALIDATION_FAILED")
  public UserViews.Me updateMe(String rawBody) {
    JsonObject body = Patch.body(rawBody);
    List<FieldError> errors = new ArrayList<>();
    Patch<String> displayName = Patch.string(body, "display_name", false, errors);
    Patch<String> avatarUrl = Patch.string(body, "avatar_url", true, errors);
    if (!errors.isEmpty()) {
      throw new Invalid(errors);
    }
    return users.updateProfile(caller.id(), displayName, avatarUrl);
  }

  @GET
  @Path("/search")
  @Operation(
      summary = "Find users by username or display name",
      description =
          "Case-insensitive; exact matches first, then prefixes. The caller is excluded."
              + " q needs 2+ characters; limit defaults to 20 and is clamped to 50.")
  @APIResponse(responseCode = "200", description = "Matching users, best first")
  @APIResponse(
      responseCode = "400",
      description = "VALIDATION_FAILED: q too short or limit below 1")
  @APIResponse(
      responseCode = "429",
      description = "RATE_LIMITED: the caller's search limit (NEXUS_LIMIT_SEARCH_*)",
      headers =
          @Header(
              name = "Retry-After",
              description = "Seconds until the request would pass",
              schema = @Schema(type = SchemaType.INTEGER)))
  public List<UserViews.Summary> search(
      @QueryParam("q") String q, @QueryParam("limit") String limit) {
    return users.search(
        caller.id(),
        q,
        QueryParams.limit(limit, UserService.SEARCH_DEFAULT_LIMIT, UserService.SEARCH_MAX_LIMIT));
  }

  @GET
  @Path("/{id}")
  @Operation(summary = "A user's public profile")
  @APIResponse(
      responseCode = "200",
      description = "The profile",
      content = @Content(schema = @Schema(implementation = UserViews.Profile.class)))
  @APIResponse(responseCode = "404", description = "NOT_FOUND: no such user (or a malformed id)")
  public UserViews.Profile profile(@PathParam("id") String id) {
    return users.profile(Ids.parse(id, "user"));
  }

  /** The documented shape of a profile change. */
  @Schema(name = "ProfileChanges")
  public record ProfileChanges(
      @Schema(maxLength = 100, minLength = 1) String displayName,
      @Schema(
              maxLength = 2048,
              nullable = true,
              description = "https URL (http is refused), or null to remove")
          String avatarUrl) {}
}
