/**
 * Accounts as others see them: profiles, avatars, user search and {@code last_seen_at}, kept from
 * presence's offline events. Owns the users table (created by auth at registration).
 */
package dev.nexuschat.user;
