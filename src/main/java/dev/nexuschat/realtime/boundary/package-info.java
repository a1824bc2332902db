/**
 * The edge of the live transport: the {@code /ws} endpoint (thin: it translates frames), the frame
 * codec, handshake authentication and the per-user socket quota, the fan-out readiness check, and
 * the start and stop of the transport's timers.
 */
package dev.nexuschat.realtime.boundary;
