package dev.nexuschat.auth.control;

import dev.nexuschat.platform.errors.Conflict;
import dev.nexuschat.platform.errors.FieldError;
import dev.nexuschat.platform.errors.Invalid;
import dev.nexuschat.platform.errors.Unauthenticated;
import dev.nexuschat.platform.persistence.UniqueViolation;
import dev.nexuschat.user.entity.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Registration and the session lifecycle: login, refresh with rotation, logout. */
@ApplicationScoped
public class AuthService {
  static final String EMAIL_KEY_CONSTRAINT = "uq_users_email_key";
  static final String USERNAME_KEY_CONSTRAINT = "uq_users_username_key";

  @PersistenceContext EntityManager em;
  @Inject PasswordHasher hasher;
  @Inject AccessTokens accessTokens;
  @Inject RefreshTokens refreshTokens;

  /** A signed-in session: the access token, its refresh token and the account. */
  public record Session(String accessToken, RefreshTokens.Issued refresh, User user) {}

  /** Creates the account; the input has passed Bean Validation already. */
  @Transactional
  public User register(String email, String username, String displayName, String password) {
    String cleanEmail = email.strip();
    String cleanUsername = username.strip();
    if (findByEmail(cleanEmail).isPresent()) {
      throw new Conflict("EMAIL_TAKEN", "An account with this email already exists");
    }
    if (usernameTaken(cleanUsername)) {
      throw new Conflict("USERNAME_TAKEN", "This username is taken");
    }
    User user =
        User.register(
            UUID.randomUUID(),
            cleanEmail,
            cleanUsername,
            displayName.strip(),
            hasher.hash(password));
    em.persist(user);
    try {
      em.flush();
    } catch (PersistenceException race) {
      // Another registration took the email or username between our check and this insert.
      Optional<String> constraint = UniqueViolation.constraintOf(race);
      if (constraint.equals(Optional.of(EMAIL_KEY_CONSTRAINT))) {
        throw new Conflict("EMAIL_TAKEN", "An account with this email already exists");
      }
      if (constraint.equals(Optional.of(USERNAME_KEY_CONSTRAINT))) {
        throw new Conflict("USERNAME_TAKEN", "This username is taken");
      }
      throw race;
    }
    return user;
  }

  /** Same answer for an unknown email and a wrong password, in the same time. */
  @Transactional
  public Session login(String email, String password, boolean rememberMe) {
    Optional<User> user = findByEmail(email.strip());
    if (user.isEmpty()) {
      hasher.matchNothing(password);
      throw new Unauthenticated("Invalid email or password");
    }
    if (!hasher.matches(password, user.get().passwordHash())) {
      throw new Unauthenticated("Invalid email or password");
    }
    RefreshTokens.Issued refresh = refreshTokens.startFamily(user.get().id(), rememberMe);
    return new Session(accessTokens.issue(user.get(), refresh.familyId()), refresh, user.get());
  }

  @Transactional(dontRollbackOn = Unauthenticated.class)
  public Session refresh(String refreshToken) {
    RefreshTokens.Issued next = refreshTokens.rotate(refreshToken);
    User user = em.find(User.class, next.userId());
    if (user == null) {
      throw new Unauthenticated("The account of this token no longer exists");
    }
    return new Session(accessTokens.issue(user, next.familyId()), next, user);
  }

  public void logout(String refreshToken) {
    refreshTokens.revoke(refreshToken);
  }

  /** For the registration form's on-blur check: which of the given values are still free. */
  @Transactional
  public Map<String, Boolean> availability(String email, String username) {
    List<FieldError> errors = new ArrayList<>();
    if (email != null && !storable(email)) {
      errors.add(new FieldError("email", "must not contain NUL characters"));
    }
    if (username != null && !storable(username)) {
      errors.add(new FieldError("username", "must not contain NUL characters"));
    }
    if (!errors.isEmpty()) {
      throw new Invalid(errors);
    }
    Map<String, Boolean> answer = new LinkedHashMap<>();
    if (email != null) {
      answer.put("email_available", findByEmail(email.strip()).isEmpty());
    }
    if (username != null) {
      answer.put("username_available", !usernameTaken(username.strip()));
    }
    return answer;
  }

  /**
   * PostgreSQL text cannot hold NUL, so no stored email or username has one; and a NUL sent to the
   * database fails the query, which EclipseLink takes for a lost connection and retries for
   * seconds. Such a key names no account and never reaches a query.
   */
  private static boolean storable(String key) {
    return key.indexOf('\0') < 0;
  }

  private Optional<User> findByEmail(String email) {
    if (!storable(email)) {
      return Optional.empty();
    }
    return em.createQuery("SELECT u FROM User u WHERE u.emailKey = :key", User.class)
        .setParameter("key", User.key(email))
        .getResultStream()
        .findFirst();
  }

  private boolean usernameTaken(String username) {
    if (!storable(username)) {
      return false;
    }
    return !em.createQuery("SELECT u.id FROM User u WHERE u.usernameKey = :key", UUID.class)
        .setParameter("key", User.key(username))
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }
}
