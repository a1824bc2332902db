package dev.nexuschat.user.control;

import dev.nexuschat.platform.errors.Conflict;
import dev.nexuschat.platform.persistence.UniqueViolation;
import dev.nexuschat.user.entity.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.UUID;

/**
 * The users table's side of registration and login: emails and usernames are unique whatever their
 * case, and an account is found by its email. Auth decides who may sign in; this owns the rows.
 */
@ApplicationScoped
public class Accounts {
  static final String EMAIL_KEY_CONSTRAINT = "uq_users_email_key";
  static final String USERNAME_KEY_CONSTRAINT = "uq_users_username_key";

  @PersistenceContext EntityManager em;

  /** Checked before the password is hashed, so a taken name costs no bcrypt round. */
  public void requireFree(String email, String username) {
    if (findByEmail(email).isPresent()) {
      throw emailTaken();
    }
    if (usernameTaken(username)) {
      throw usernameTakenConflict();
    }
  }

  /** Creates the account in the caller's transaction. */
  @Transactional
  public User create(String email, String username, String displayName, String passwordHash) {
    User user = User.register(UUID.randomUUID(), email, username, displayName, passwordHash);
    em.persist(user);
    try {
      em.flush();
    } catch (PersistenceException race) {
      // Another registration took the email or username between the check and this insert.
      Optional<String> constraint = UniqueViolation.constraintOf(race);
      if (constraint.equals(Optional.of(EMAIL_KEY_CONSTRAINT))) {
        throw emailTaken();
      }
      if (constraint.equals(Optional.of(USERNAME_KEY_CONSTRAINT))) {
        throw usernameTakenConflict();
      }
      throw race;
    }
    return user;
  }

  public Optional<User> findByEmail(String email) {
    if (!storable(email)) {
      return Optional.empty();
    }
    return em.createQuery("SELECT u FROM User u WHERE u.emailKey = :key", User.class)
        .setParameter("key", User.key(email))
        .getResultStream()
        .findFirst();
  }

  public boolean usernameTaken(String username) {
    if (!storable(username)) {
      return false;
    }
    return !em.createQuery("SELECT u.id FROM User u WHERE u.usernameKey = :key", UUID.class)
        .setParameter("key", User.key(username))
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }

  /**
   * PostgreSQL text cannot hold NUL, so no stored email or username has one; and a NUL sent to the
   * database fails the query, which EclipseLink takes for a lost connection and retries for
   * seconds. Such a key names no account and never reaches a query.
   */
  public static boolean storable(String key) {
    return key.indexOf('\0') < 0;
  }

  private static Conflict emailTaken() {
    return new Conflict("EMAIL_TAKEN", "An account with this email already exists");
  }

  private static Conflict usernameTakenConflict() {
    return new Conflict("USERNAME_TAKEN", "This username is taken");
  }
}
