package dev.nexuschat.realtime.routing;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Broadcasts this node could not publish to Redis. They were delivered here only; the other nodes'
 * recipients never heard of them. Once Redis takes publications again, the node announces each one
 * (a notice with the same recipients, see {@link RedisPubSub}), and those nodes ask their
 * recipients to catch up. Bounded: past {@link #LIMIT} the node announces one notice for everyone
 * instead.
 */
final class LostPublications {
  static final int LIMIT = 1000;

  private final ArrayDeque<Broadcast> lost = new ArrayDeque<>();
  private boolean overflowed;

  synchronized void add(Broadcast broadcast) {
    if (overflowed) {
      return;
    }
    if (lost.size() == LIMIT) {
      lost.clear();
      overflowed = true;
      return;
    }
    lost.add(broadcast);
  }

  /** What to announce now, oldest first: null for "everyone", empty for nothing. */
  synchronized List<Broadcast> take() {
    if (overflowed) {
      overflowed = false;
      return null;
    }
    List<Broadcast> taken = new ArrayList<>(lost);
    lost.clear();
    return taken;
  }

  /** Announcing failed too: keep them for the next try, ahead of what was lost since. */
  synchronized void putBack(List<Broadcast> notAnnounced) {
    if (notAnnounced == null) {
      lost.clear();
      overflowed = true;
      return;
    }
    for (int i = notAnnounced.size() - 1; i >= 0; i--) {
      lost.addFirst(notAnnounced.get(i));
    }
    if (lost.size() > LIMIT) {
      lost.clear();
      overflowed = true;
    }
  }
}
