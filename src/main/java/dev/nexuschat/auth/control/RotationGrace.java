package dev.nexuschat.auth.control;

import dev.nexuschat.platform.redis.OutageLog;
import dev.nexuschat.platform.redis.RedisConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.SetParams;

/**
 * The few seconds ({@code NEXUS_REFRESH_GRACE_SECONDS}, 10) after a rotation in which the rotated
 * token, presented again, gets the successor it was already given instead of revoking the family: a
 * client whose answer was lost, or two tabs refreshing at once, keep their session, and the family
 * still has one live token (so a thief racing the owner is still caught on the next reuse).
 *
 * <p>Handing the same token back means holding it for those seconds, and refresh tokens are only
 * ever stored as hashes. So the successor is kept only here, for the grace, encrypted (AES-GCM)
 * under a key derived from the rotated token itself, and filed under the rotated token's hash: only
 * someone who presents that token can read it, which is exactly who the grace is for. A copy of
 * Redis or of this node's memory yields nothing usable. In Redis when it is configured (a retry may
 * reach another node), in process otherwise or while Redis is unreachable.
 */
@ApplicationScoped
public class RotationGrace {
  private static final String PREFIX = "nexus:refresh-grace:";
  private static final int IV_BYTES = 12;
  private static final int SWEEP_EVERY = 256;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Logger LOG = Logger.getLogger(RotationGrace.class.getName());
  private static final OutageLog OUTAGE =
      new OutageLog(LOG, "keeping each rotation's grace on the node that rotated");

  @Inject RedisConnection redis;

  @Inject
  @ConfigProperty(name = "NEXUS_REFRESH_GRACE_SECONDS", defaultValue = "10")
  long graceSeconds;

  private record Sealed(String value, long expiresAtMillis) {}

  private final ConcurrentHashMap<String, Sealed> local = new ConcurrentHashMap<>();
  private final AtomicInteger sinceSweep = new AtomicInteger();

  public Duration grace() {
    return Duration.ofSeconds(Math.max(0, graceSeconds));
  }

  /** Keeps {@code successor} for a retry of {@code rotated}, for the grace. */
  public void remember(String rotated, RefreshTokens.Issued successor) {
    if (graceSeconds <= 0) {
      return;
    }
    String key = PREFIX + RefreshTokens.hash(rotated);
    String sealed = seal(rotated, successor);
    long graceMillis = grace().toMillis();
    if (redis.isConfigured()) {
      try {
        redis.client().get().set(key, sealed, SetParams.setParams().px(graceMillis));
        OUTAGE.succeeded();
        return;
      } catch (JedisException e) {
        OUTAGE.failed(e);
      }
    }
    long now = System.currentTimeMillis();
    local.put(key, new Sealed(sealed, now + graceMillis));
    if (sinceSweep.incrementAndGet() >= SWEEP_EVERY) {
      sinceSweep.set(0);
      local.values().removeIf(s -> s.expiresAtMillis() <= now);
    }
  }

  /** The successor given for {@code rotated} within the grace, if this node (or Redis) has it. */
  public Optional<RefreshTokens.Issued> recall(String rotated) {
    if (graceSeconds <= 0) {
      return Optional.empty();
    }
    String key = PREFIX + RefreshTokens.hash(rotated);
    String sealed = null;
    if (redis.isConfigured()) {
      try {
        sealed = redis.client().get().get(key);
        OUTAGE.succeeded();
      } catch (JedisException e) {
        OUTAGE.failed(e);
      }
    }
    if (sealed == null) {
      Sealed here = local.get(key);
      if (here != null && here.expiresAtMillis() > System.currentTimeMillis()) {
        sealed = here.value();
      }
    }
    return sealed == null ? Optional.empty() : open(rotated, sealed);
  }

  private static String seal(String rotated, RefreshTokens.Issued successor) {
    String plain =
        String.join(
            " ",
            successor.token(),
            successor.familyId().toString(),
            successor.userId().toString(),
            Boolean.toString(successor.rememberMe()),
            Long.toString(successor.expiresAt().toInstant().toEpochMilli()));
    try {
      byte[] iv = new byte[IV_BYTES];
      RANDOM.nextBytes(iv);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, keyOf(rotated), new GCMParameterSpec(128, iv));
      byte[] encrypted = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder()
          .encodeToString(
              ByteBuffer.allocate(iv.length + encrypted.length).put(iv).put(encrypted).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot seal a rotation for its grace", e);
    }
  }

  private static Optional<RefreshTokens.Issued> open(String rotated, String sealed) {
    try {
      byte[] bytes = Base64.getDecoder().decode(sealed);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.DECRYPT_MODE, keyOf(rotated), new GCMParameterSpec(128, bytes, 0, IV_BYTES));
      String[] parts =
          new String(
                  cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES), StandardCharsets.UTF_8)
              .split(" ");
      return Optional.of(
          new RefreshTokens.Issued(
              parts[0],
              UUID.fromString(parts[1]),
              UUID.fromString(parts[2]),
              Boolean.parseBoolean(parts[3]),
              OffsetDateTime.ofInstant(
                  Instant.ofEpochMilli(Long.parseLong(parts[4])), ZoneOffset.UTC)));
    } catch (GeneralSecurityException | RuntimeException e) {
      LOG.log(Level.WARNING, "A rotation's grace could not be opened: treated as none", e);
      return Optional.empty();
    }
  }

  /**
   * Not the stored hash (a database reader has that): a separate derivation, so the key needs the
   * token itself.
   */
  private static SecretKeySpec keyOf(String rotated) throws GeneralSecurityException {
    byte[] key =
        MessageDigest.getInstance("SHA-256")
            .digest(("nexus-refresh-grace\u0000" + rotated).getBytes(StandardCharsets.UTF_8));
    return new SecretKeySpec(key, "AES");
  }
}
