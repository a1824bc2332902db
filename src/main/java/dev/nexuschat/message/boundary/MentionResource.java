package dev.nexuschat.message.boundary;

import dev.nexuschat.message.control.MentionFeed;
import dev.nexuschat.platform.config.NexusApplication;
import dev.nexuschat.platform.security.CurrentUser;
import dev.nexuschat.platform.web.QueryParams;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /mentions}: the caller's mentions across their rooms. */
@Path("/mentions")
@RequestScoped
@RolesAllowed(NexusApplication.USER_ROLE)
@Tag(name = "messages")
@SecurityRequirement(name = NexusApplication.BEARER_SCHEME)
@APIResponse(
    responseCode = "401",
    description = "UNAUTHORIZED: missing, invalid or expired access token")
@Produces(MediaType.APPLICATION_JSON)
public class MentionResource {
  @Inject MentionFeed feed;
  @Inject CurrentUser caller;

  @GET
  @Operation(
      summary = "Messages that mention you, newest first",
      description =
          "By name or @room, in the rooms you are a member of now. cursor: next_cursor of the"
              + " previous page (opaque). limit defaults to 30 and is clamped to 100.")
  @APIResponse(
      responseCode = "200",
      description = "The page",
      content = @Content(schema = @Schema(implementation = MentionFeed.Page.class)))
  @APIResponse(responseCode = "400", description = "VALIDATION_FAILED: bad cursor or limit")
  public MentionFeed.Page page(
      @QueryParam("cursor") String cursor, @QueryParam("limit") String limit) {
    return feed.page(
        caller.id(),
        cursor,
        QueryParams.limit(limit, MentionFeed.DEFAULT_LIMIT, MentionFeed.MAX_LIMIT));
  }
}
