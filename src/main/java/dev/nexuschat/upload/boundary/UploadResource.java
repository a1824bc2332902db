package dev.nexuschat.upload.boundary;

import dev.nexuschat.platform.config.NexusApplication;
import dev.nexuschat.platform.security.CurrentUser;
import dev.nexuschat.platform.web.Ids;
import dev.nexuschat.platform.web.StreamedBody;
import dev.nexuschat.upload.control.UploadService;
import dev.nexuschat.upload.control.UploadViews;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
 * {@code /uploads/{id}}: the bytes (local storage), the completion, and reading a file back. Files
 * are served so that nothing in them runs in the app's origin: the detected type, nosniff, a
 * sandboxing CSP, and {@code attachment} for everything but raster images.
 */
@Path("/uploads/{id}")
@RequestScoped
@RolesAllowed(NexusApplication.USER_ROLE)
@Tag(name = "uploads")
@SecurityRequirement(name = NexusApplication.BEARER_SCHEME)
@APIResponse(
    responseCode = "401",
    description = "UNAUTHORIZED: missing, invalid or expired access token")
@APIResponse(
    responseCode = "404",
    description = "NOT_FOUND: no such upload, or not one the caller may see")
public class UploadResource {
  /** Served files may not run anything, frame anything or be framed (see the class comment). */
  static final String SANDBOX = "default-src 'none'; sandbox";

  @Inject UploadService uploads;
  @Inject CurrentUser caller;

  @PathParam("id")
  String id;

  @Context HttpServletRequest request;
  @Context HttpServletResponse response;

  @PUT
  @StreamedBody
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Send an upload's bytes (local storage only)",
      description =
          "The raw bytes as the body, exactly the declared size. Only the uploader, only before"
              + " completion. With S3 storage the bytes go to the slot's presigned URL instead.")
  @RequestBody(
      content =
          @Content(
              mediaType = MediaType.APPLICATION_OCTET_STREAM,
              schema = @Schema(type = SchemaType.STRING, format = "binary")))
  @APIResponse(responseCode = "204", description = "Stored")
  @APIResponse(
      responseCode = "409",
      description = "UPLOAD_COMPLETED: already completed; UPLOAD_BY_URL: S3 storage")
  @APIResponse(
      responseCode = "413",
      description = "PAYLOAD_TOO_LARGE: more bytes than declared (reading stops at the limit)")
  public Response put() throws IOException {
    try (InputStream body = request.getInputStream()) {
      uploads.receive(caller.id(), Ids.parse(id, "upload"), request.getContentLengthLong(), body);
    }
    return Response.noContent().build();
  }

  @POST
  @Path("/complete")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Complete an upload once its bytes are stored",
      description =
          "Checks the size and detects the type from the content (Apache Tika); images get their"
              + " width and height, a thumbnail, and their EXIF location stripped. Again on a"
              + " completed upload: the same view.")
  @APIResponse(
      responseCode = "200",
      description = "The attachment, ready to be sent with a message",
      content = @Content(schema = @Schema(implementation = UploadViews.Attachment.class)))
  @APIResponse(
      responseCode = "413",
      description = "PAYLOAD_TOO_LARGE: more bytes stored than declared")
  @APIResponse(
      responseCode = "415",
      description = "CONTENT_TYPE_MISMATCH: the content is not what the name or type says")
  @APIResponse(
      responseCode = "422",
      description =
          "UPLOAD_TRUNCATED: fewer bytes than declared; IMAGE_TOO_LARGE: above 50 megapixels;"
              + " IMAGE_UNREADABLE: a broken image")
  public UploadViews.Attachment complete() {
    return uploads.complete(caller.id(), Ids.parse(id, "upload"));
  }

  @GET
  @Operation(
      summary = "Download a file (members of its room)",
      description =
          "Local storage streams the bytes; S3 storage answers 302 to a presigned URL valid for"
              + " 5 minutes. Raster images are inline, everything else an attachment.")
  @APIResponse(
      responseCode = "200",
      description = "The bytes",
      headers = {
        @Header(name = "Content-Disposition", description = "RFC 6266, filename*=UTF-8''..."),
        @Header(name = "Content-Security-Policy", description = SANDBOX),
        @Header(name = "X-Content-Type-Options", description = "nosniff")
      },
      content =
          @Content(
              mediaType = MediaType.WILDCARD,
              schema = @Schema(type = SchemaType.STRING, format = "binary")))
  @APIResponse(
      responseCode = "302",
      description = "S3 storage: to a short-lived presigned URL",
      headers = @Header(name = "Location", description = "The presigned URL"))
  public Response download() {
    return served(uploads.read(caller.id(), Ids.parse(id, "upload"), false));
  }

  @GET
  @Path("/thumbnail")
  @Operation(summary = "An image's thumbnail, at most 480 px on the long side")
  @APIResponse(
      responseCode = "200",
      description = "The thumbnail",
      content =
          @Content(
              mediaType = MediaType.WILDCARD,
              schema = @Schema(type = SchemaType.STRING, format = "binary")))
  @APIResponse(
      responseCode = "302",
      description = "S3 storage: to a short-lived presigned URL",
      headers = @Header(name = "Location", description = "The presigned URL"))
  public Response thumbnail() {
    return served(uploads.read(caller.id(), Ids.parse(id, "upload"), true));
  }

  private Response served(UploadService.Download file) {
    // set on the servlet response: they replace the app-wide headers the security filter set
    response.setHeader("Content-Security-Policy", SANDBOX);
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader(HttpHeaders.CACHE_CONTROL, "private");
    if (file.redirect().isPresent()) {
      response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
      return Response.status(Response.Status.FOUND).location(file.redirect().get()).build();
    }
    StreamingOutput bytes =
        out -> {
          try (InputStream in = file.bytes().open()) {
            in.transferTo(out);
          } catch (UncheckedIOException e) {
            throw e.getCause();
          }
        };
    Response.ResponseBuilder ok =
        Response.ok(bytes, file.contentType())
            .header(HttpHeaders.CONTENT_DISPOSITION, file.contentDisposition());
    if (file.size() >= 0) {
      ok.header(HttpHeaders.CONTENT_LENGTH, file.size());
    }
    return ok.build();
  }
}
