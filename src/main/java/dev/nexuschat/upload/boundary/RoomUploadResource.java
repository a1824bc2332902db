package dev.nexuschat.upload.boundary;

import dev.nexuschat.platform.config.NexusApplication;
import dev.nexuschat.platform.security.CurrentUser;
import dev.nexuschat.platform.web.Ids;
import dev.nexuschat.upload.control.UploadService;
import dev.nexuschat.upload.control.UploadViews;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code POST /rooms/{id}/uploads}: its own root path, like the messages of a room. */
@Path("/rooms/{roomId}/uploads")
@RequestScoped
@RolesAllowed(NexusApplication.USER_ROLE)
@Tag(name = "uploads")
@SecurityRequirement(name = NexusApplication.BEARER_SCHEME)
@Produces(MediaType.APPLICATION_JSON)
public class RoomUploadResource {
  @Inject UploadService uploads;
  @Inject CurrentUser caller;

  @PathParam("roomId")
  String roomId;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Ask for an upload slot",
      description =
          "Then send the bytes as upload says (local storage: PUT /uploads/{id} with the Bearer"
              + " token; S3: the presigned URL with exactly its headers, no Bearer token), then"
              + " POST /uploads/{id}/complete, then send a message with attachments: [id].")
  @APIResponse(
      responseCode = "201",
      description = "The slot",
      content = @Content(schema = @Schema(implementation = UploadViews.Slot.class)))
  @APIResponse(
      responseCode = "400",
      description =
          "VALIDATION_FAILED: filename (empty, over 255 characters, control characters,"
              + " path separators) or size (missing, 0)")
  @APIResponse(
      responseCode = "401",
      description = "UNAUTHORIZED: missing, invalid or expired access token")
  @APIResponse(responseCode = "403", description = "FORBIDDEN: not a member of the room")
  @APIResponse(responseCode = "404", description = "NOT_FOUND: no such room")
  @APIResponse(
      responseCode = "413",
      description = "PAYLOAD_TOO_LARGE: size above NEXUS_UPLOAD_MAX_BYTES")
  @APIResponse(
      responseCode = "429",
      description = "RATE_LIMITED: the caller's upload limit (NEXUS_LIMIT_UPLOAD_*)",
      headers =
          @Header(
              name = "Retry-After",
              description = "Seconds until the request would pass",
              schema = @Schema(type = SchemaType.INTEGER)))
  public Response create(@NotNull(message = "is required") UploadRequests.Create body) {
    UploadViews.Slot slot =
        uploads.create(
            caller.id(),
            Ids.parse(roomId, "room"),
            body.filename(),
            body.size(),
            body.contentType());
    return Response.status(Response.Status.CREATED).entity(slot).build();
  }
}
