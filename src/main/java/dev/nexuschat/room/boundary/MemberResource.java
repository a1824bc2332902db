package dev.nexuschat.room.boundary;

import dev.nexuschat.platform.config.NexusApplication;
import dev.nexuschat.platform.security.CurrentUser;
import dev.nexuschat.platform.web.Ids;
import dev.nexuschat.room.control.MemberService;
import dev.nexuschat.room.control.RoomViews;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /rooms/{id}/members}: who is in a room and with which role. */
@Path("/rooms/{roomId}/members")
@RequestScoped
@RolesAllowed(NexusApplication.USER_ROLE)
@Tag(name = "rooms")
@SecurityRequirement(name = NexusApplication.BEARER_SCHEME)
@APIResponse(
    responseCode = "401",
    description = "UNAUTHORIZED: missing, invalid or expired access token")
@APIResponse(
    responseCode = "404",
    description = "NOT_FOUND: no such room, or the user is not a member")
@Produces(MediaType.APPLICATION_JSON)
public class MemberResource {
  @Inject MemberService members;
  @Inject CurrentUser caller;

  @PathParam("roomId")
  String roomId;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Add a member (owner or admin)",
      description = "Answers with the members list.")
  @APIResponse(responseCode = "201", description = "The members, the new one included")
  @APIResponse(responseCode = "400", description = "VALIDATION_FAILED, or a direct conversation")
  @APIResponse(responseCode = "403", description = "FORBIDDEN: not owner or admin")
  @APIResponse(responseCode = "409", description = "ALREADY_MEMBER")
  @APIResponse(
      responseCode = "429",
      description =
          "RATE_LIMITED: the caller's member-add limit, or the user was added to too many rooms by others lately (NEXUS_LIMIT_MEMBER_ADD_*, NEXUS_LIMIT_ADDED_TO_ROOMS_*)",
      headers =
          @Header(
              name = "Retry-After",
              description = "Seconds until the request would pass",
              schema = @Schema(type = SchemaType.INTEGER)))
  public Response add(@Valid @NotNull(message = "is required") RoomRequests.AddMember body) {
    List<RoomViews.Member> list =
        members.add(caller.id(), Ids.parse(roomId, "room"), Ids.field(body.userId(), "user_id"));
    return Response.status(Response.Status.CREATED).entity(list).build();
  }

  @PATCH
  @Path("/me")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Change your own settings for the room (mute)",
      description =
          "muted silences the room's sound and notifications in the caller's clients; unread and"
              + " mention counts stay. Emits room_settings_updated to the caller's sockets.")
  @APIResponse(responseCode = "200", description = "The caller's settings for the room")
  @APIResponse(responseCode = "400", description = "VALIDATION_FAILED: muted missing or no boolean")
  @APIResponse(responseCode = "403", description = "FORBIDDEN: not a member")
  public RoomViews.MySettings changeMySettings(
      @Valid @NotNull(message = "is required") RoomRequests.MySettings body) {
    return members.changeMySettings(caller.id(), Ids.parse(roomId, "room"), body.muted());
  }

  @PATCH
  @Path("/{userId}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Change a member's role (owner only)",
      description = "role owner hands ownership over; the previous owner becomes admin.")
  @APIResponse(responseCode = "200", description = "The member with the new role")
  @APIResponse(responseCode = "403", description = "FORBIDDEN: not the owner")
  @APIResponse(
      responseCode = "409",
      description = "OWNER_MUST_TRANSFER: the owner cannot step down")
  public RoomViews.Member changeRole(
      @PathParam("userId") String userId,
      @Valid @NotNull(message = "is required") RoomRequests.ChangeRole body) {
    return members.changeRole(
        caller.id(), Ids.parse(roomId, "room"), Ids.parse(userId, "user"), body.role());
  }

  @DELETE
  @Path("/{userId}")
  @Operation(
      summary = "Remove a member, or leave (your own id)",
      description = "Anyone may leave; the owner may remove anyone; an admin plain members only.")
  @APIResponse(responseCode = "204", description = "Removed")
  @APIResponse(responseCode = "403", description = "FORBIDDEN")
  @APIResponse(
      responseCode = "409",
      description = "OWNER_MUST_TRANSFER: the owner must hand ownership over first")
  public Response remove(@PathParam("userId") String userId) {
    members.remove(caller.id(), Ids.parse(roomId, "room"), Ids.parse(userId, "user"));
    return Response.noContent().build();
  }
}
