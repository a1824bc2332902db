package dev.nexuschat.search.control;

import dev.nexuschat.platform.errors.Invalid;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.UUID;

/**
 * Where the next page of results starts: after the hit with this score, time and id, in the order
 * results come (score descending, then newest first). Opaque to clients: base64url of the three
 * values, so a client cannot mistake it for a message id.
 */
public record SearchCursor(long score, long createdMicros, UUID id) {
  private static final int BYTES = 8 + 8 + 16;

  public static SearchCursor after(SearchHit hit) {
    return new SearchCursor(hit.score(), hit.createdMicros(), hit.id());
  }

  /** Null or blank: the first page. */
  public static SearchCursor parse(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    byte[] bytes;
    try {
      bytes = Base64.getUrlDecoder().decode(value.strip());
    } catch (IllegalArgumentException malformed) {
      throw new Invalid("cursor", "is not a cursor this search returned");
    }
    if (bytes.length != BYTES) {
      throw new Invalid("cursor", "is not a cursor this search returned");
    }
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    return new SearchCursor(
        buffer.getLong(), buffer.getLong(), new UUID(buffer.getLong(), buffer.getLong()));
  }

  public String encode() {
    ByteBuffer buffer = ByteBuffer.allocate(BYTES);
    buffer.putLong(score).putLong(createdMicros);
    buffer.putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits());
    return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer.array());
  }

  /** Whether {@code hit} comes after this cursor in result order. */
  public boolean precedes(SearchHit hit) {
    if (hit.score() != score) {
      return hit.score() < score;
    }
    if (hit.createdMicros() != createdMicros) {
      return hit.createdMicros() < createdMicros;
    }
    return compare(hit.id(), id) < 0;
  }

  /** UUIDs as PostgreSQL orders them: unsigned, byte by byte (Java's compareTo is signed). */
  static int compare(UUID a, UUID b) {
    int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
    return high != 0
        ? high
        : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
  }
}
