package dev.nexuschat.realtime.cluster;

/**
 * Who hears what the subscription receives: the routing, which knows what a payload means. An
 * interface so that this package knows only Redis, and the routing depends on it, not back.
 */
public interface ChannelListener {
  /** A publication on one of the fan-out channels (not the session revocations'). */
  void heard(String channel, String payload);

  /**
   * Redis is heard again after a time this node heard nothing from it: what other nodes published
   * meanwhile reached this node's sockets by no path.
   */
  void resubscribed();
}
