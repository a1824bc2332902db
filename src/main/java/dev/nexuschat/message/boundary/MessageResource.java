package dev.nexuschat.message.boundary;

import dev.nexuschat.message.control.HistoryCursor;
import dev.nexuschat.message.control.MessageHistory;
import dev.nexuschat.message.control.MessageService;
import dev.nexuschat.message.control.MessageViews;
import dev.nexuschat.platform.config.NexusApplication;
import dev.nexuschat.platform.errors.Invalid;
import dev.nexuschat.platform.security.CurrentUser;
import dev.nexuschat.platform.web.Ids;
import dev.nexuschat.platform.web.QueryParams;
import dev.nexuschat.upload.control.Attachments;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /rooms/{id}/messages}. Its own path, not {@code /rooms/{id}}: JAX-RS picks one root class
 * per request, and a class at {@code /rooms/{id}} would hide {@code GET/PATCH /rooms/{id}} of the
 * rooms resource.
 */
@Path("/rooms/{roomId}/messages")
@RequestScoped
@RolesAllowed(NexusApplication.USER_ROLE)
@Tag(name = "messages")
@SecurityRequirement(name = NexusApplication.BEARER_SCHEME)
@APIResponse(
    responseCode = "401",
    description = "UNAUTHORIZED: missing, invalid or expired access token")
@APIResponse(responseCode = "403", description = "FORBIDDEN: not a member of the room")
@APIResponse(responseCode = "404", description = "NOT_FOUND: no such room or message")
@Produces(MediaType.APPLICATION_JSON)
public class MessageResource {
  @Inject MessageService messages;
  @Inject MessageHistory history;
  @Inject CurrentUser caller;

  @PathParam("roomId")
  String roomId;

  @GET
  @Operation(
      summary = "A page of history, oldest first within the page",
      description =
          "Without cursor: the newest messages. cursor=<id>: older than that message."
              + " after=<id>: newer than it, for catching up after a reconnect. around=<id>: a"
              + " MessageWindow centred on that message (a search result), pageable both ways."
              + " limit defaults to 50 and is clamped to 100.")
  @APIResponse(
      responseCode = "200",
      description = "The page (a MessageWindow with around=)",
      content =
          @Content(schema = @Schema(oneOf = {MessageViews.Page.class, MessageViews.Window.class})))
  @APIResponse(
      responseCode = "400",
      description =
          "VALIDATION_FAILED: bad cursor, after, around (or a deleted message) or limit;"
              + " around combined with cursor or after")
  public Object page(
      @QueryParam("cursor") String cursor,
      @QueryParam("after") String after,
      @QueryParam("limit") String limit,
      @QueryParam("around") String around) {
    UUID room = Ids.parse(roomId, "room");
    if (around != null && !around.isBlank()) {
      return history.around(
          caller.id(),
          room,
          HistoryCursor.around(around, cursor, after),
          QueryParams.limit(limit, MessageHistory.DEFAULT_LIMIT, MessageHistory.MAX_LIMIT));
    }
    return history.page(
        caller.id(),
        room,
        HistoryCursor.parse(cursor, after),
        QueryParams.limit(limit, MessageHistory.DEFAULT_LIMIT, MessageHistory.MAX_LIMIT));
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Send a message",
      description =
          "For API clients and for the web client while its socket is down. A repeated"
              + " client_id returns the original message with 200 and stores nothing.")
  @APIResponse(
      responseCode = "201",
      description = "Stored and broadcast",
      content = @Content(schema = @Schema(implementation = MessageViews.Item.class)))
  @APIResponse(
      responseCode = "200",
      description = "A repeat of an earlier client_id: the original message",
      content = @Content(schema = @Schema(implementation = MessageViews.Item.class)))
  @APIResponse(
      responseCode = "400",
      description =
          "VALIDATION_FAILED: content, parent_id, client_id or attachments (naming the upload)")
  @APIResponse(
      responseCode = "409",
      description =
          "UPLOAD_NOT_COMPLETED or UPLOAD_ALREADY_ATTACHED: an attachment cannot be attached")
  @APIResponse(
      responseCode = "429",
      description =
          "RATE_LIMITED: the sender's send limit (REST and WebSocket together; NEXUS_LIMIT_SEND_*)",
      headers =
          @Header(
              name = "Retry-After",
              description = "Seconds until the request would pass",
              schema = @Schema(type = SchemaType.INTEGER)))
  public Response send(@NotNull(message = "is required") MessageRequests.Send body) {
    UUID room = Ids.parse(roomId, "room");
    MessageService.Sent sent =
        messages.post(
            caller.id(),
            room,
            new MessageService.Draft(
                body.content(),
                Ids.field(body.parentId(), "parent_id"),
                body.clientId(),
                uploadIds(body.attachments())));
    return Response.status(sent.created() ? Response.Status.CREATED : Response.Status.OK)
        .entity(sent.message())
        .build();
  }

  /** Bounded before parsing: more than the limit is refused without looking at each. */
  private static List<UUID> uploadIds(List<String> ids) {
    if (ids == null) {
      return List.of();
    }
    if (ids.size() > Attachments.MAX_PER_MESSAGE) {
      throw new Invalid(
          "attachments", "must be at most " + Attachments.MAX_PER_MESSAGE + " uploads per message");
    }
    List<UUID> parsed = new ArrayList<>(ids.size());
    for (String id : ids) {
      if (id == null) {
        throw new Invalid("attachments", "must be upload ids");
      }
      parsed.add(Ids.field(id, "attachments"));
    }
    return parsed;
  }

  @PATCH
  @Path("/{messageId}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Edit a message (its sender only)")
  @APIResponse(
      responseCode = "200",
      description = "The edited message",
      content = @Content(schema = @Schema(implementation = MessageViews.Item.class)))
  @APIResponse(responseCode = "400", description = "VALIDATION_FAILED: content")
  public MessageViews.Item edit(
      @PathParam("messageId") String messageId,
      @NotNull(message = "is required") MessageRequests.Edit body) {
    return messages.edit(
        caller.id(), Ids.parse(roomId, "room"), Ids.parse(messageId, "message"), body.content());
  }

  @DELETE
  @Path("/{messageId}")
  @Operation(summary = "Delete a message (its sender, or the room's owner or an admin)")
  @APIResponse(responseCode = "204", description = "Deleted")
  public Response delete(@PathParam("messageId") String messageId) {
    messages.delete(caller.id(), Ids.parse(roomId, "room"), Ids.parse(messageId, "message"));
    return Response.noContent().build();
  }
}
