package dev.nexuschat.user.control;

import dev.nexuschat.platform.errors.FieldError;
import dev.nexuschat.platform.errors.Invalid;
import dev.nexuschat.platform.errors.NotFound;
import dev.nexuschat.platform.errors.Unauthenticated;
import dev.nexuschat.platform.json.Patch;
import dev.nexuschat.platform.json.TextRules;
import dev.nexuschat.platform.ratelimit.UserLimit;
import dev.nexuschat.platform.ratelimit.UserLimits;
import dev.nexuschat.presence.control.PresenceDirectory;
import dev.nexuschat.user.entity.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Profiles and search. */
@ApplicationScoped
public class UserService {
  public static final int SEARCH_DEFAULT_LIMIT = 20;
  public static final int SEARCH_MAX_LIMIT = 50;
  static final int AVATAR_URL_MAX = 2048;

  @PersistenceContext EntityManager em;
  @Inject PresenceDirectory presence;
  @Inject UserLimits limits;
  @Inject Event<ProfileUpdated> profileUpdated;

  /** The caller's account; a token for a vanished account is no longer valid. */
  public User requireCaller(UUID callerId) {
    User user = em.find(User.class, callerId);
    if (user == null) {
      throw new Unauthenticated("The account of this token no longer exists");
    }
    return user;
  }

  public User require(UUID userId) {
    User user = em.find(User.class, userId);
    if (user == null) {
      throw new NotFound("No user " + userId);
    }
    return user;
  }

  /** Usernames never change, so the name under which others know {@code userId}. */
  public Optional<String> usernameOf(UUID userId) {
    return Optional.ofNullable(em.find(User.class, userId)).map(User::username);
  }

  /** The accounts among {@code ids} that exist, in no particular order. */
  public List<User> existingAmong(Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return em.createQuery("SELECT u FROM User u WHERE u.id IN :ids", User.class)
        .setParameter("ids", ids)
        .getResultList();
  }

  @Transactional
  public UserViews.Me me(UUID callerId) {
    return UserViews.Me.of(requireCaller(callerId), presence.isOnline(callerId));
  }

  @Transactional
  public UserViews.Profile profile(UUID userId) {
    return UserViews.Profile.of(require(userId), presence.isOnline(userId));
  }

  /** Changes the display name and/or avatar; absent fields stay, a null avatar clears it. */
  @Transactional
  public UserViews.Me updateProfile(
      UUID callerId, Patch<String> displayName, Patch<String> avatarUrl) {
    List<FieldError> errors = new ArrayList<>();
    String newName =
        displayName.present()
            ? TextRules.trimmed(displayName.value(), "display_name", 1, 100, errors)
            : null;
    String newAvatar = avatarUrl.present() ? checkedAvatarUrl(avatarUrl.value(), errors) : null;
    if (!errors.isEmpty()) {
      throw new Invalid(errors);
    }
    User user = requireCaller(callerId);
    if (displayName.present()) {
      user.rename(newName);
    }
    if (avatarUrl.present()) {
      user.changeAvatar(newAvatar);
    }
    UserViews.Me view = UserViews.Me.of(user, presence.isOnline(callerId));
    profileUpdated.fire(new ProfileUpdated(UserViews.Summary.of(user, view.isOnline())));
    return view;
  }

  /**
   * https URLs up to 2048 characters, or null. Not plain http: the web client's CSP loads https
   * images only (a plain http avatar is a tracking pixel anyone on the path can read or swap).
   */
  static String checkedAvatarUrl(String value, List<FieldError> errors) {
    if (value == null) {
      return null;
    }
    String url = value.strip();
    if (url.isEmpty()) {
      return null;
    }
    if (url.length() > AVATAR_URL_MAX) {
      errors.add(new FieldError("avatar_url", "must be at most " + AVATAR_URL_MAX + " characters"));
      return null;
    }
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
      if (!scheme.equals("https") || uri.getHost() == null) {
        errors.add(new FieldError("avatar_url", "must be an https URL"));
        return null;
      }
    } catch (URISyntaxException e) {
      errors.add(new FieldError("avatar_url", "must be an https URL"));
      return null;
    }
    return url;
  }

  /**
   * Case-insensitive match on username or display name, the caller excluded: exact matches first,
   * then prefixes, then other matches. Each search counts against the caller's search limit.
   */
  @Transactional
  public List<UserViews.Summary> search(UUID callerId, String query, int limit) {
    limits.take(UserLimit.SEARCH, callerId);
    List<FieldError> errors = new ArrayList<>();
    String q = query == null ? "" : query.strip();
    if (TextRules.length(q) < 2) {
      errors.add(new FieldError("q", "must be at least 2 characters"));
    } else if (TextRules.length(q) > 100) {
      errors.add(new FieldError("q", "must be at most 100 characters"));
    } else if (q.indexOf('\0') >= 0) {
      errors.add(new FieldError("q", "must not contain NUL characters"));
    }
    if (!errors.isEmpty()) {
      throw new Invalid(errors);
    }
    String key = User.key(q);
    String like = key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    @SuppressWarnings("unchecked")
    List<User> users =
        em.createNativeQuery(
                "SELECT * FROM users u"
                    + " WHERE u.id <> ?1 AND (u.username_key LIKE ?2 ESCAPE '\\' OR u.display_name_key LIKE ?2 ESCAPE '\\')"
                    + " ORDER BY CASE WHEN u.username_key = ?3 OR u.display_name_key = ?3 THEN 0"
                    + " WHEN u.username_key LIKE ?4 ESCAPE '\\' OR u.display_name_key LIKE ?4 ESCAPE '\\' THEN 1"
                    + " ELSE 2 END, u.username_key",
                User.class)
            .setParameter(1, callerId)
            .setParameter(2, "%" + like + "%")
            .setParameter(3, key)
            .setParameter(4, like + "%")
            .setMaxResults(limit)
            .getResultList();
    Set<UUID> online = presence.onlineAmong(users.stream().map(User::id).toList());
    return users.stream().map(u -> UserViews.Summary.of(u, online.contains(u.id()))).toList();
  }
}
