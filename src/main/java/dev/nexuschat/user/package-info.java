/**
 * Accounts as others see them: profiles, avatars and user search. Owns the users table (created by
 * auth at registration).
 */
package dev.nexuschat.user;
