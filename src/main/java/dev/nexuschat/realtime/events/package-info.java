/**
 * Where server events come from: committed domain events (messages, rooms, members, read marks),
 * news about a user for everyone sharing a room with them (presence, profile), and typing. Each
 * becomes a broadcast handed to the routing.
 */
package dev.nexuschat.realtime.events;
