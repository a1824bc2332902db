package dev.nexuschat.search.control;

import java.util.List;
import java.util.UUID;

/**
 * One matching message as a search strategy finds it: its place in result order, and its snippet.
 */
public record SearchHit(
    UUID id, long score, long createdMicros, List<SearchViews.Segment> snippet) {}
