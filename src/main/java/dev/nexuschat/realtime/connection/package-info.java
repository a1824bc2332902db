/**
 * One open socket: who it is, its outbox (history and state frames, numbered as written, bounded so
 * a slow reader never holds up the others), its keep-alive and token-expiry clocks, and the sockets
 * of each sign-in session. Knows nothing of rooms' rules or of other nodes.
 */
package dev.nexuschat.realtime.connection;
