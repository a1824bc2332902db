package dev.nexuschat.realtime.routing;

import dev.nexuschat.realtime.connection.Connection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Connections still being put into the rooms that the database listed for them, and the rooms they
 * left in the meantime. A registration reads its rooms, then enters them; a removal that lands in
 * between must not be undone by that entry, or the removed member would go on receiving the room.
 * Each connection's entries and its membership changes take turns on one small lock, which is never
 * held across the database read.
 */
final class PendingRegistrations {
  private static final class Pending {
    final Set<UUID> left = new HashSet<>();
    boolean entered;
    boolean closed;
  }

  private final ConcurrentHashMap<Connection, Pending> pending = new ConcurrentHashMap<>();

  /** Before the connection becomes reachable and its rooms are read. */
  void begin(Connection connection) {
    pending.put(connection, new Pending());
  }

  /**
   * Enters the rooms read for {@code connection}, less those it left since; {@code enter} runs
   * under the connection's turn.
   */
  void enterRead(Connection connection, Iterable<UUID> rooms, Consumer<UUID> enter) {
    Pending registration = pending.get(connection);
    if (registration == null) {
      return; // closed already: entering now would leave it in its rooms for good
    }
    synchronized (registration) {
      if (registration.closed) {
        return;
      }
      for (UUID room : rooms) {
        if (!registration.left.contains(room)) {
          enter.accept(room);
        }
      }
      registration.entered = true;
    }
    pending.remove(connection);
  }

  /** A membership change of {@code connection} for {@code room}: {@code joined} or left. */
  void changed(Connection connection, UUID room, boolean joined, Runnable change) {
    Pending registration = pending.get(connection);
    if (registration == null) {
      change.run();
      return;
    }
    synchronized (registration) {
      change.run();
      if (!registration.entered) {
        if (joined) {
          registration.left.remove(room);
        } else {
          registration.left.add(room);
        }
      }
    }
  }

  /** {@code connection} closed: a registration still under way enters no room any more. */
  void abandon(Connection connection) {
    Pending registration = pending.remove(connection);
    if (registration != null) {
      synchronized (registration) {
        registration.closed = true;
      }
    }
  }
}
