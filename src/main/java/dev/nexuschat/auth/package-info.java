/**
 * Sign-up, sign-in and sessions: password hashing, access JWTs, rotating refresh-token families and
 * the login rate limits. Owns the refresh_tokens table.
 */
package dev.nexuschat.auth;
