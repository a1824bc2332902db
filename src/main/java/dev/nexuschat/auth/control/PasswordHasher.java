package dev.nexuschat.auth.control;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * bcrypt with cost 12. Passwords longer than bcrypt's 72-byte input are pre-hashed rather than
 * silently truncated.
 */
@ApplicationScoped
public class PasswordHasher {
  static final int COST = 12;
  private static final BCrypt.Version VERSION = BCrypt.Version.VERSION_2B;
  private static final BCrypt.Hasher HASHER =
      BCrypt.with(VERSION, LongPasswordStrategies.hashSha512(VERSION));
  private static final BCrypt.Verifyer VERIFYER =
      BCrypt.verifyer(VERSION, LongPasswordStrategies.hashSha512(VERSION));

  /** Compared against when the account does not exist, so both cases cost the same time. */
  private static final String DECOY = HASHER.hashToString(COST, "decoy-password".toCharArray());

  public String hash(String password) {
    return HASHER.hashToString(COST, password.toCharArray());
  }

  public boolean matches(String password, String hash) {
    return VERIFYER.verify(password.toCharArray(), hash.toCharArray()).verified;
  }

  /** Burns the same time as a real check, for unknown accounts. */
  public void matchNothing(String password) {
    VERIFYER.verify(password.toCharArray(), DECOY.toCharArray());
  }
}
