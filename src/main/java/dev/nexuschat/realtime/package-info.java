/**
 * The live transport, read in the order an event flows: {@code events} turns committed domain
 * events, presence and typing into broadcasts ({@code commands} carries out what clients send);
 * {@code routing} decides who receives each one, on this node and through {@code cluster} (Redis
 * pub/sub between the nodes) on the others; {@code connection} is one open socket with its queue
 * and clocks; {@code boundary} is the {@code /ws} endpoint, its frames, handshake and readiness.
 * Owns open sessions only; durable state stays in PostgreSQL, presence in the presence feature.
 */
package dev.nexuschat.realtime;
