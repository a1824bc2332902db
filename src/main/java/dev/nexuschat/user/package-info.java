/**
 * Accounts as others see them: profiles, avatars, user search and {@code last_seen_at}, kept from
 * presence's offline events. Owns the users table: auth creates and finds accounts through {@code
 * Accounts}, never by its own queries.
 */
package dev.nexuschat.user;
