package dev.nexuschat.thread.boundary;

import dev.nexuschat.platform.config.NexusApplication;
import dev.nexuschat.platform.security.CurrentUser;
import dev.nexuschat.platform.web.QueryParams;
import dev.nexuschat.thread.control.ThreadInbox;
import dev.nexuschat.thread.control.ThreadViews;
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

/** {@code /threads}: the threads the caller follows, across their rooms. */
@Path("/threads")
@RequestScoped
@RolesAllowed(NexusApplication.USER_ROLE)
@Tag(name = "threads")
@SecurityRequirement(name = NexusApplication.BEARER_SCHEME)
@APIResponse(
    responseCode = "401",
    description = "UNAUTHORIZED: missing, invalid or expired access token")
@Produces(MediaType.APPLICATION_JSON)
public class ThreadListResource {
  @Inject ThreadInbox inbox;
  @Inject CurrentUser caller;

  @GET
  @Operation(
      summary = "Threads you follow, the most recent reply first",
      description =
          "In the rooms you are a member of now, with their unread replies and the totals for a"
              + " badge. cursor: next_cursor of the previous page (opaque). limit defaults to 20"
              + " and is clamped to 50.")
  @APIResponse(
      responseCode = "200",
      description = "The page",
      content = @Content(schema = @Schema(implementation = ThreadViews.Inbox.class)))
  @APIResponse(responseCode = "400", description = "VALIDATION_FAILED: bad cursor or limit")
  public ThreadViews.Inbox page(
      @QueryParam("cursor") String cursor, @QueryParam("limit") String limit) {
    return inbox.page(
        caller.id(),
        cursor,
        QueryParams.limit(limit, ThreadInbox.DEFAULT_LIMIT, ThreadInbox.MAX_LIMIT));
  }
}
