package dev.nexuschat.auth.control;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * bcrypt, cost {@code NEXUS_BCRYPT_COST} (12 unless configured). Passwords longer than bcrypt's
 * 72-byte input are pre-hashed rather than silently truncated. A hash carries its own cost, so
 * changing the setting never locks anyone out: old hashes still verify at the cost they were made
 * with. The test servers run at the minimum, 4: the suite registers thousands of accounts, and cost
 * 12 is a quarter of a second of CPU each.
 */
@ApplicationScoped
public class PasswordHasher {
  static final int DEFAULT_COST = 12;
  static final int MIN_COST = 4; // bcrypt's own bounds
  static final int MAX_COST = 31;
  private static final int WEAK_BELOW = 10;
  private static final BCrypt.Version VERSION = BCrypt.Version.VERSION_2B;
  private static final BCrypt.Hasher HASHER =
      BCrypt.with(VERSION, LongPasswordStrategies.hashSha512(VERSION));
  private static final BCrypt.Verifyer VERIFYER =
      BCrypt.verifyer(VERSION, LongPasswordStrategies.hashSha512(VERSION));
  private static final Logger LOG = Logger.getLogger(PasswordHasher.class.getName());

  @Inject
  @ConfigProperty(name = "NEXUS_BCRYPT_COST", defaultValue = "" + DEFAULT_COST)
  int cost;

  /** Compared against when the account does not exist, so both cases cost the same time. */
  private String decoy;

  public PasswordHasher() {}

  PasswordHasher(int cost) {
    this.cost = cost;
    init();
  }

  @PostConstruct
  void init() {
    if (cost < MIN_COST || cost > MAX_COST) {
      throw new IllegalStateException(
          "NEXUS_BCRYPT_COST must be between " + MIN_COST + " and " + MAX_COST + ", was " + cost);
    }
    if (cost < WEAK_BELOW) {
      LOG.warning(
          "NEXUS_BCRYPT_COST is "
              + cost
              + ": passwords are hashed with a weak bcrypt cost. Use 12 (the default) in production.");
    }
    decoy = HASHER.hashToString(cost, "decoy-password".toCharArray());
  }

  /** Checks the setting at start-up, not on the first registration. */
  void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    LOG.fine(() -> "bcrypt cost " + cost);
  }

  public String hash(String password) {
    return HASHER.hashToString(cost, password.toCharArray());
  }

  public boolean matches(String password, String hash) {
    return VERIFYER.verify(password.toCharArray(), hash.toCharArray()).verified;
  }

  /** Burns the same time as a real check, for unknown accounts. */
  public void matchNothing(String password) {
    VERIFYER.verify(password.toCharArray(), decoy.toCharArray());
  }
}
