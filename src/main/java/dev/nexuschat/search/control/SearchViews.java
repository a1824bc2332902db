package dev.nexuschat.search.control;

import dev.nexuschat.message.control.MessageViews;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The API shapes of search. */
public final class SearchViews {
  private SearchViews() {}

  /**
   * A piece of a snippet: plain text, or a part the query matched. Segments, not markup, so a
   * client never has to parse or inject HTML.
   */
  @Schema(name = "SnippetSegment")
  public record Segment(String text, boolean match) {}

  /** The room a result is in, named as the caller's room list names it. */
  @Schema(name = "SearchResultRoom")
  public record Room(UUID id, String name, boolean isDirect) {}

  /** A matching message as history shows it, its room, and the matching part of its text. */
  @Schema(name = "SearchResult")
  public record Result(MessageViews.Item message, Room room, List<Segment> snippet) {}

  /** One page of results, best first; {@code next_cursor} continues, null at the end. */
  @Schema(name = "SearchPage")
  public record Page(List<Result> results, String nextCursor, boolean hasMore) {}
}
