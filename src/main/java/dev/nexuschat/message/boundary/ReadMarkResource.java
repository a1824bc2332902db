package dev.nexuschat.message.boundary;

import dev.nexuschat.message.control.MessageViews;
import dev.nexuschat.message.control.ReadMarks;
import dev.nexuschat.platform.config.NexusApplication;
import dev.nexuschat.platform.json.OptionalBody;
import dev.nexuschat.platform.security.CurrentUser;
import dev.nexuschat.platform.web.Ids;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /rooms/{id}/read}: the caller's read mark. */
@Path("/rooms/{roomId}/read")
@RequestScoped
@RolesAllowed(NexusApplication.USER_ROLE)
@Tag(name = "messages")
@SecurityRequirement(name = NexusApplication.BEARER_SCHEME)
@APIResponse(
    responseCode = "401",
    description = "UNAUTHORIZED: missing, invalid or expired access token")
@APIResponse(responseCode = "403", description = "FORBIDDEN: not a member of the room")
@APIResponse(responseCode = "404", description = "NOT_FOUND: no such room")
@Produces(MediaType.APPLICATION_JSON)
public class ReadMarkResource {
  @Inject ReadMarks readMarks;
  @Inject CurrentUser caller;

  @PathParam("roomId")
  String roomId;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Mark the room read",
      description =
          "Up to message_id, or to the newest"
              + " message without a body. The mark never moves backwards.")
  @APIResponse(
      responseCode = "200",
      description = "The read position",
      content = @Content(schema = @Schema(implementation = MessageViews.ReadState.class)))
  @RequestBody(
      required = false,
      content = @Content(schema = @Schema(implementation = MessageRequests.Read.class)))
  public MessageViews.ReadState read(String rawBody) {
    MessageRequests.Read body = OptionalBody.parse(rawBody, MessageRequests.Read.class);
    UUID messageId = body == null ? null : Ids.field(body.messageId(), "message_id");
    return readMarks.markRead(caller.id(), Ids.parse(roomId, "room"), messageId);
  }
}
