/**
 * Redis pub/sub between the nodes, and nothing else: the channels this node subscribes to, kept
 * equal to what its connections need, and the subscription that hands each publication to the
 * routing as {@code (channel, payload)}. Knows no event by name.
 */
package dev.nexuschat.realtime.cluster;
