package dev.nexuschat.thread.boundary;

import dev.nexuschat.platform.config.NexusApplication;
import dev.nexuschat.platform.json.OptionalBody;
import dev.nexuschat.platform.security.CurrentUser;
import dev.nexuschat.platform.web.Ids;
import dev.nexuschat.platform.web.QueryParams;
import dev.nexuschat.thread.control.ThreadFollows;
import dev.nexuschat.thread.control.ThreadPages;
import dev.nexuschat.thread.control.ThreadViews;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /rooms/{id}/messages/{mid}/thread}: the thread a message is in, and the caller's follow
 * state and read position in it. {@code mid} may be the root or any reply of the thread.
 */
@Path("/rooms/{roomId}/messages/{messageId}/thread")
@RequestScoped
@RolesAllowed(NexusApplication.USER_ROLE)
@Tag(name = "threads")
@SecurityRequirement(name = NexusApplication.BEARER_SCHEME)
@APIResponse(
    responseCode = "401",
    description = "UNAUTHORIZED: missing, invalid or expired access token")
@APIResponse(responseCode = "403", description = "FORBIDDEN: not a member of the room")
@APIResponse(
    responseCode = "404",
    description = "NOT_FOUND: no such room, or no such (or a deleted) message in it")
@Produces(MediaType.APPLICATION_JSON)
public class ThreadResource {
  @Inject ThreadPages pages;
  @Inject ThreadFollows follows;
  @Inject CurrentUser caller;

  @PathParam("roomId")
  String roomId;

  @PathParam("messageId")
  String messageId;

  @GET
  @Operation(
      summary = "A page of a thread: its root and replies, oldest first",
      description =
          "The thread of the message (its own, or the one it replies in). cursor: next_cursor of"
              + " the previous page (the id of its last reply). limit defaults to 50 and is"
              + " clamped to 100.")
  @APIResponse(
      responseCode = "200",
      description = "The page",
      content = @Content(schema = @Schema(implementation = ThreadViews.Page.class)))
  @APIResponse(
      responseCode = "400",
      description = "VALIDATION_FAILED: cursor is not a reply of this thread, or a bad limit")
  public ThreadViews.Page page(
      @QueryParam("cursor") String cursor, @QueryParam("limit") String limit) {
    UUID room = Ids.parse(roomId, "room");
    UUID message = Ids.parse(messageId, "message");
    return pages.page(
        caller.id(),
        room,
        message,
        cursor,
        QueryParams.limit(limit, ThreadPages.DEFAULT_LIMIT, ThreadPages.MAX_LIMIT));
  }

  @PUT
  @Path("/follow")
  @Operation(
      summary = "Follow the thread",
      description = "Idempotent. Its replies so far count as read; later ones as unread.")
  @APIResponse(
      responseCode = "200",
      description = "The caller's state in the thread",
      content = @Content(schema = @Schema(implementation = ThreadViews.State.class)))
  public ThreadViews.State follow() {
    return follows.follow(caller.id(), Ids.parse(roomId, "room"), Ids.parse(messageId, "message"));
  }

  @DELETE
  @Path("/follow")
  @Operation(
      summary = "Stop following the thread",
      description = "Idempotent. Replying in it or being mentioned in it follows it again.")
  @APIResponse(
      responseCode = "200",
      description = "The caller's state in the thread",
      content = @Content(schema = @Schema(implementation = ThreadViews.State.class)))
  public ThreadViews.State unfollow() {
    return follows.unfollow(
        caller.id(), Ids.parse(roomId, "room"), Ids.parse(messageId, "message"));
  }

  @POST
  @Path("/read")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Mark the thread read",
      description =
          "Up to message_id (a message of this thread), or to its newest reply without a body."
              + " The position never moves backwards; the caller's other sockets get"
              + " thread_read.")
  @APIResponse(
      responseCode = "200",
      description = "The caller's state in the thread",
      content = @Content(schema = @Schema(implementation = ThreadViews.State.class)))
  @APIResponse(
      responseCode = "400",
      description = "VALIDATION_FAILED: message_id is not a UUID or not a message of this thread")
  @RequestBody(
      required = false,
      content = @Content(schema = @Schema(implementation = ThreadRequests.Read.class)))
  public ThreadViews.State read(String rawBody) {
    UUID room = Ids.parse(roomId, "room");
    UUID message = Ids.parse(messageId, "message");
    ThreadRequests.Read body = OptionalBody.parse(rawBody, ThreadRequests.Read.class);
    UUID upTo = body == null ? null : Ids.field(body.messageId(), "message_id");
    return follows.read(caller.id(), room, message, upTo);
  }
}
