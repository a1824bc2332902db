package dev.nexuschat.presence.control;

import dev.nexuschat.user.entity.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/** Persists {@code last_seen_at} when a user goes offline, so profiles show it after restarts. */
@ApplicationScoped
public class LastSeen {
  @PersistenceContext EntityManager em;

  /** Records the time; returns the user's username, empty if the account is gone. */
  @Transactional
  public Optional<String> record(UUID userId, Instant at) {
    User user = em.find(User.class, userId);
    if (user == null) {
      return Optional.empty();
    }
    user.seenAt(at.atOffset(ZoneOffset.UTC));
    return Optional.of(user.username());
  }
}
