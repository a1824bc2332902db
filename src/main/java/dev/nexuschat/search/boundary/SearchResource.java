package dev.nexuschat.search.boundary;

import dev.nexuschat.platform.config.NexusApplication;
import dev.nexuschat.platform.security.CurrentUser;
import dev.nexuschat.platform.web.QueryParams;
import dev.nexuschat.search.control.SearchQuery;
import dev.nexuschat.search.control.SearchService;
import dev.nexuschat.search.control.SearchViews;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /search}: full-text search over the messages of the caller's rooms. */
@Path("/search")
@RequestScoped
@RolesAllowed(NexusApplication.USER_ROLE)
@Tag(name = "search")
@SecurityRequirement(name = NexusApplication.BEARER_SCHEME)
@APIResponse(
    responseCode = "401",
    description = "UNAUTHORIZED: missing, invalid or expired access token")
@Produces(MediaType.APPLICATION_JSON)
public class SearchResource {
  @Inject SearchService search;
  @Inject CurrentUser caller;

  @GET
  @Path("/messages")
  @Operation(
      summary = "Search the messages of the rooms you are in, best match first",
      description =
          "q is read as web search syntax: words are all required, \"quoted words\" are a phrase,"
              + " `or` between terms takes either, -word excludes; case-insensitive, English"
              + " stemming on PostgreSQL (word prefixes on the embedded database). Only rooms you"
              + " are in now are searched, deleted messages never match. Ranked by relevance, ties"
              + " newest first; only the 1000 newest matches are ranked. Each result carries the"
              + " message as history shows it, its room, and a snippet as segments (text, match)."
              + " limit defaults to 20 and is clamped to 50.")
  @APIResponse(
      responseCode = "200",
      description = "A page of results",
      content = @Content(schema = @Schema(implementation = SearchViews.Page.class)))
  @APIResponse(
      responseCode = "400",
      description =
          "VALIDATION_FAILED: q blank, longer than 256 characters or over 32 words, or matching"
              + " too many messages to rank in time; malformed room_id, from or cursor; bad limit")
  @APIResponse(responseCode = "403", description = "FORBIDDEN: room_id names a room you are not in")
  @APIResponse(responseCode = "404", description = "NOT_FOUND: room_id names no room")
  public SearchViews.Page messages(
      @Parameter(description = "The search, at most " + SearchQuery.MAX_LENGTH + " characters")
          @QueryParam("q")
          String q,
      @Parameter(description = "Only this room (one you are in)") @QueryParam("room_id")
          String roomId,
      @Parameter(description = "Only messages by this sender: a user id or a username")
          @QueryParam("from")
          String from,
      @Parameter(description = "next_cursor of the previous page") @QueryParam("cursor")
          String cursor,
      @QueryParam("limit") String limit) {
    return search.search(
        caller.id(),
        new SearchService.Request(
            q,
            roomId,
            from,
            cursor,
            QueryParams.limit(limit, SearchService.DEFAULT_LIMIT, SearchService.MAX_LIMIT)));
  }
}
