package dev.nexuschat.search.control;

import java.util.UUID;

/**
 * What one search asks for: the query, whose rooms ({@code userId}'s current ones), optionally one
 * of them ({@code roomId}) and one sender ({@code senderId}); null means any.
 */
public record SearchFilter(SearchQuery query, UUID userId, UUID roomId, UUID senderId) {}
