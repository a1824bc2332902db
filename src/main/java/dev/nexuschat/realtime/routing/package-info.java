/**
 * Who receives what: a {@link dev.nexuschat.realtime.routing.Broadcast} and its {@link
 * dev.nexuschat.realtime.routing.Audience}, published to every node ({@code Broadcasts}) and
 * delivered to exactly this node's connections it is for ({@code LocalDelivery}), in each room's
 * message order, from the position a socket's {@code ready} gave it ({@code StreamStart}); and the
 * sockets asked to reconnect and catch up when something may have been missed.
 */
package dev.nexuschat.realtime.routing;
