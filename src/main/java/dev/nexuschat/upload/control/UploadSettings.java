package dev.nexuschat.upload.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The upload limits: {@code NEXUS_UPLOAD_MAX_BYTES} (25 MiB) per file, and {@code
 * NEXUS_UPLOAD_ORPHAN_TTL} (24h; {@code 90s}, {@code 30m}, {@code 24h}, {@code 7d} or ISO-8601
 * {@code PT24H}), after which an upload never attached to a message is deleted.
 */
@ApplicationScoped
public class UploadSettings {
  public static final long DEFAULT_MAX_BYTES = 25L * 1024 * 1024;

  @Inject
  @ConfigProperty(name = "NEXUS_UPLOAD_MAX_BYTES", defaultValue = "26214400")
  long maxBytes;

  @Inject
  @ConfigProperty(name = "NEXUS_UPLOAD_ORPHAN_TTL", defaultValue = "24h")
  String orphanTtl;

  public long maxBytes() {
    return maxBytes > 0 ? maxBytes : DEFAULT_MAX_BYTES;
  }

  public Duration orphanTtl() {
    return duration(orphanTtl);
  }

  /** {@code 90s}, {@code 30m}, {@code 24h}, {@code 7d}, or ISO-8601; at least a second. */
  static Duration duration(String text) {
    String value = text.strip().toLowerCase(Locale.ROOT);
    Duration parsed;
    if (value.startsWith("p")) {
      parsed = Duration.parse(value.toUpperCase(Locale.ROOT));
    } else {
      if (value.length() < 2 || value.length() > 12) {
        throw new IllegalArgumentException("Not a duration: " + text);
      }
      long amount = Long.parseLong(value.substring(0, value.length() - 1));
      parsed =
          switch (value.charAt(value.length() - 1)) {
            case 's' -> Duration.ofSeconds(amount);
            case 'm' -> Duration.ofMinutes(amount);
            case 'h' -> Duration.ofHours(amount);
            case 'd' -> Duration.ofDays(amount);
            default -> throw new IllegalArgumentException("Not a duration: " + text);
          };
    }
    return parsed.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : parsed;
  }
}
