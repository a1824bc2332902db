package dev.nexuschat.room.boundary;

import dev.nexuschat.platform.config.NexusApplication;
import dev.nexuschat.platform.errors.FieldError;
import dev.nexuschat.platform.errors.Invalid;
import dev.nexuschat.platform.json.Patch;
import dev.nexuschat.platform.security.CurrentUser;
import dev.nexuschat.platform.web.Ids;
import dev.nexuschat.room.control.DirectRoomService;
import dev.nexuschat.room.control.OpenedRoom;
import dev.nexuschat.room.control.RoomService;
import dev.nexuschat.room.control.RoomViews;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
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
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /rooms}: create, list, show and rename rooms, and open direct conversations (group rooms
 * go to {@link RoomService}, direct ones to {@link DirectRoomService}). Members and messages have
 * their own resources.
 */
@Path("/rooms")
@RequestScoped
@RolesAllowed(NexusApplication.USER_ROLE)
@Tag(name = "rooms")
@SecurityRequirement(name = NexusApplication.BEARER_SCHEME)
@APIResponse(
    responseCode = "401",
    description = "UNAUTHORIZED: missing, invalid or expired access token")
@Produces(MediaType.APPLICATION_JSON)
public class RoomResource {
  @Inject RoomService rooms;
  @Inject DirectRoomService directRooms;
  @Inject CurrentUser caller;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Create a room or open a direct conversation",
      description =
          "The creator becomes owner. A direct conversation that already exists between"
              + " the two users is returned with 200 instead of a new one with 201.")
  @APIResponse(
      responseCode = "201",
      description = "Created",
      content = @Content(schema = @Schema(implementation = RoomViews.Detail.class)))
  @APIResponse(
      responseCode = "200",
      description = "The existing direct conversation",
      content = @Content(schema = @Schema(implementation = RoomViews.Detail.class)))
  @APIResponse(
      responseCode = "400",
      description = "VALIDATION_FAILED: bad name/description, unknown member_ids")
  @APIResponse(
      responseCode = "429",
      description =
          "RATE_LIMITED: the caller's room-creation limit, or an invited user was added to too many rooms by others lately (NEXUS_LIMIT_ROOM_CREATE_*, NEXUS_LIMIT_ADDED_TO_ROOMS_*)",
      headers =
          @Header(
              name = "Retry-After",
              description = "Seconds until the request would pass",
              schema = @Schema(type = SchemaType.INTEGER)))
  public Response create(@NotNull(message = "is required") RoomRequests.Create body) {
    List<UUID> memberIds = new ArrayList<>();
    if (body.memberIds() != null) {
      for (String id : body.memberIds()) {
        if (id == null) {
          throw new Invalid("member_ids", "must be user ids, not null");
        }
        memberIds.add(Ids.field(id, "member_ids"));
      }
    }
    OpenedRoom opened =
        Boolean.TRUE.equals(body.isDirect())
            ? directRooms.open(caller.id(), memberIds)
            : rooms.createGroup(
                caller.id(),
                new RoomService.NewGroupRoom(body.name(), body.description(), memberIds));
    return Response.status(opened.created() ? Response.Status.CREATED : Response.Status.OK)
        .header("Location", "/api/v1/rooms/" + opened.room().id())
        .entity(opened.room())
        .build();
  }

  @GET
  @Operation(
      summary = "The caller's rooms",
      description =
          "Most recent activity first, then newest."
              + " unread_count counts others' visible messages past the caller's read mark.")
  @APIResponse(responseCode = "200", description = "The rooms")
  public List<RoomViews.ListItem> list() {
    return rooms.list(caller.id());
  }

  @GET
  @Path("/{roomId}")
  @Operation(summary = "A room with its members")
  @APIResponse(
      responseCode = "200",
      description = "The room",
      content = @Content(schema = @Schema(implementation = RoomViews.Detail.class)))
  @APIResponse(responseCode = "403", description = "FORBIDDEN: not a member")
  @APIResponse(responseCode = "404", description = "NOT_FOUND: no such room")
  public RoomViews.Detail detail(@PathParam("roomId") String roomId) {
    return rooms.detail(caller.id(), Ids.parse(roomId, "room"));
  }

  @PATCH
  @Path("/{roomId}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Rename a room or change its description (owner or admin)")
  @RequestBody(content = @Content(schema = @Schema(implementation = RoomRequests.Update.class)))
  @APIResponse(
      responseCode = "200",
      description = "The updated room",
      content = @Content(schema = @Schema(implementation = RoomViews.Detail.class)))
  @APIResponse(responseCode = "400", description = "VALIDATION_FAILED, or a direct conversation")
  @APIResponse(responseCode = "403", description = "FORBIDDEN: not owner or admin")
  public RoomViews.Detail update(@PathParam("roomId") String roomId, String rawBody) {
    JsonObject body = Patch.body(rawBody);
    UUID id = Ids.parse(roomId, "room");
    List<FieldError> errors = new ArrayList<>();
    Patch<String> name = Patch.string(body, "name", false, errors);
    Patch<String> description = Patch.string(body, "description", true, errors);
    if (!errors.isEmpty()) {
      throw new Invalid(errors);
    }
    return rooms.update(caller.id(), id, name, description);
  }
}
