package dev.nexuschat.auth.control;

import dev.nexuschat.platform.errors.FieldError;
import dev.nexuschat.platform.errors.Invalid;
import dev.nexuschat.platform.errors.Unauthenticated;
import dev.nexuschat.user.control.Accounts;
import dev.nexuschat.user.control.UserService;
import dev.nexuschat.user.entity.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Registration and the session lifecycle: login, refresh with rotation, logout. The accounts
 * themselves belong to the user feature ({@link Accounts}).
 */
@ApplicationScoped
public class AuthService {
  @Inject Accounts accounts;
  @Inject UserService users;
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
    accounts.requireFree(cleanEmail, cleanUsername);
    return accounts.create(cleanEmail, cleanUsername, displayName.strip(), hasher.hash(password));
  }

  /** Same answer for an unknown email and a wrong password, in the same time. */
  @Transactional
  public Session login(String email, String password, boolean rememberMe) {
    Optional<User> user = accounts.findByEmail(email.strip());
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
    User user = users.requireCaller(next.userId());
    return new Session(accessTokens.issue(user, next.familyId()), next, user);
  }

  public void logout(String refreshToken) {
    refreshTokens.revoke(refreshToken);
  }

  /** For the registration form's on-blur check: which of the given values are still free. */
  @Transactional
  public Map<String, Boolean> availability(String email, String username) {
    List<FieldError> errors = new ArrayList<>();
    if (email != null && !Accounts.storable(email)) {
      errors.add(new FieldError("email", "must not contain NUL characters"));
    }
    if (username != null && !Accounts.storable(username)) {
      errors.add(new FieldError("username", "must not contain NUL characters"));
    }
    if (!errors.isEmpty()) {
      throw new Invalid(errors);
    }
    Map<String, Boolean> answer = new LinkedHashMap<>();
    if (email != null) {
      answer.put("email_available", accounts.findByEmail(email.strip()).isEmpty());
    }
    if (username != null) {
      answer.put("username_available", !accounts.usernameTaken(username.strip()));
    }
    return answer;
  }
}
