package dev.nexuschat.incontainer;

import dev.nexuschat.message.control.MessagePosted;
import dev.nexuschat.room.control.RoomCreated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records the domain events that reach AFTER_SUCCESS observers, as the realtime fan-out will. */
@ApplicationScoped
public class AfterSuccessProbe {
  private final List<Object> seen = new CopyOnWriteArrayList<>();

  void messagePosted(@Observes(during = TransactionPhase.AFTER_SUCCESS) MessagePosted event) {
    seen.add(event);
  }

  void roomCreated(@Observes(during = TransactionPhase.AFTER_SUCCESS) RoomCreated event) {
    seen.add(event);
  }

  public <T> List<T> seen(Class<T> type) {
    return seen.stream().filter(type::isInstance).map(type::cast).toList();
  }
}
