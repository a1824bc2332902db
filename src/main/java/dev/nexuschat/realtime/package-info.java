/**
 * The live transport: the {@code /ws} WebSocket endpoint and its frames (boundary), the open
 * connections of this node, the fan-out of domain events to them and across nodes (control). Owns
 * open sessions only; durable state stays in PostgreSQL, presence in the presence feature.
 */
package dev.nexuschat.realtime;
