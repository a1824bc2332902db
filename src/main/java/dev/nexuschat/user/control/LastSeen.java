package dev.nexuschat.user.control;

import dev.nexuschat.presence.control.UserWentOffline;
import dev.nexuschat.user.entity.User;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.ZoneOffset;

/** Persists {@code last_seen_at} when a user goes offline, so profiles show it after restarts. */
@ApplicationScoped
public class LastSeen {
  @PersistenceContext EntityManager em;

  /**
   * Commits before the observers of default priority broadcast the offline news, so a client that
   * reads the profile on it sees this time; if it fails, nothing is broadcast.
   */
  @Transactional
  public void record(@Observes @Priority(Interceptor.Priority.APPLICATION) UserWentOffline event) {
    User user = em.find(User.class, event.userId());
    if (user != null) {
      user.seenAt(event.lastSeenAt().atOffset(ZoneOffset.UTC));
    }
  }
}
