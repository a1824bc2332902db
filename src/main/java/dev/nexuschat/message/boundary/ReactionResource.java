package dev.nexuschat.message.boundary;

import dev.nexuschat.message.control.MessageViews;
import dev.nexuschat.message.control.ReactionService;
import dev.nexuschat.platform.config.NexusApplication;
import dev.nexuschat.platform.security.CurrentUser;
import dev.nexuschat.platform.web.Ids;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /rooms/{id}/messages/{mid}/reactions/{emoji}}: the caller's own reaction, added by PUT and
 * taken back by DELETE, both idempotent. The emoji is the path segment, percent-encoded.
 */
@Path("/rooms/{roomId}/messages/{messageId}/reactions/{emoji}")
@RequestScoped
@RolesAllowed(NexusApplication.USER_ROLE)
@Tag(name = "messages")
@SecurityRequirement(name = NexusApplication.BEARER_SCHEME)
@APIResponse(
    responseCode = "200",
    description = "The message's reactions after the change, as the caller sees them",
    content = @Content(schema = @Schema(implementation = MessageViews.ReactionSummary.class)))
@APIResponse(
    responseCode = "400",
    description = "VALIDATION_FAILED: emoji is not exactly one (fully-qualified, RGI) emoji")
@APIResponse(
    responseCode = "401",
    description = "UNAUTHORIZED: missing, invalid or expired access token")
@APIResponse(responseCode = "403", description = "FORBIDDEN: not a member of the room")
@APIResponse(
    responseCode = "404",
    description = "NOT_FOUND: no such room, or no such (or a deleted) message in it")
@APIResponse(
    responseCode = "429",
    description = "RATE_LIMITED: the caller's reaction limit (NEXUS_LIMIT_REACT_*)",
    headers =
        @Header(
            name = "Retry-After",
            description = "Seconds until the request would pass",
            schema = @Schema(type = SchemaType.INTEGER)))
@Produces(MediaType.APPLICATION_JSON)
public class ReactionResource {
  @Inject ReactionService reactions;
  @Inject CurrentUser caller;

  @PathParam("roomId")
  String roomId;

  @PathParam("messageId")
  String messageId;

  @Parameter(
      description = "One emoji, percent-encoded, e.g. %F0%9F%91%8D for 👍",
      schema = @Schema(type = SchemaType.STRING, maxLength = 32))
  @PathParam("emoji")
  String emoji;

  @PUT
  @Operation(
      summary = "React to a message",
      description =
          "Adds the caller's reaction; a repeat changes nothing and sends no second event."
              + " A message carries at most 50 different emoji (409 TOO_MANY_REACTIONS).")
  @APIResponse(
      responseCode = "409",
      description = "TOO_MANY_REACTIONS: the message already carries 50 other emoji")
  public MessageViews.ReactionSummary add() {
    return reactions.add(
        caller.id(), Ids.parse(roomId, "room"), Ids.parse(messageId, "message"), emoji);
  }

  @DELETE
  @Operation(
      summary = "Take back a reaction",
      description = "Removes the caller's reaction; without one, changes nothing.")
  public MessageViews.ReactionSummary remove() {
    return reactions.remove(
        caller.id(), Ids.parse(roomId, "room"), Ids.parse(messageId, "message"), emoji);
  }
}
