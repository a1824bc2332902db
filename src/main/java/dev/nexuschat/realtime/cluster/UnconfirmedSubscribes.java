package dev.nexuschat.realtime.cluster;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Per channel, the SUBSCRIBEs sent on the live subscription that Redis has not confirmed yet: a
 * confirmation of an earlier SUBSCRIBE (before an UNSUBSCRIBE and a new one) must not count. Not
 * thread-safe: used under {@link ChannelSubscriptions}' lock.
 */
final class UnconfirmedSubscribes {
  /** SUBSCRIBEs of one channel not confirmed yet, the oldest sent at {@code sinceNanos}. */
  private static final class Unconfirmed {
    int count = 1;
    long sinceNanos = System.nanoTime();
  }

  private final Map<String, Unconfirmed> unconfirmed = new HashMap<>();

  /** A new subscription starts with {@code channels}, none of them confirmed. */
  void restart(Collection<String> channels) {
    unconfirmed.clear();
    channels.forEach(channel -> unconfirmed.put(channel, new Unconfirmed()));
  }

  void clear() {
    unconfirmed.clear();
  }

  void sent(String channel) {
    unconfirmed.merge(
        channel,
        new Unconfirmed(),
        (older, added) -> {
          older.count++;
          return older;
        });
  }

  /**
   * Redis confirmed a SUBSCRIBE of {@code channel}; true when it was the last one awaited (false
   * too for a channel of the node's own, or one not wanted any more).
   */
  boolean confirm(String channel) {
    Unconfirmed awaited = unconfirmed.get(channel);
    if (awaited == null) {
      return false;
    }
    if (awaited.count > 1) {
      awaited.count--;
      awaited.sinceNanos = System.nanoTime(); // the next one was sent later: not older than now
      return false;
    }
    unconfirmed.remove(channel);
    return true;
  }

  boolean awaits(String channel) {
    return unconfirmed.containsKey(channel);
  }

  /** A SUBSCRIBE unconfirmed for {@code limitNanos}. */
  boolean anyOlderThan(long limitNanos) {
    long now = System.nanoTime();
    return unconfirmed.values().stream().anyMatch(u -> now - u.sinceNanos >= limitNanos);
  }
}
