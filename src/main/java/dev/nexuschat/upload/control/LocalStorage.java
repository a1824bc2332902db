package dev.nexuschat.upload.control;

import dev.nexuschat.platform.errors.PayloadTooLarge;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * Uploads as files under {@code NEXUS_DATA_DIR/uploads}, two levels of directories by the key's
 * first characters so no directory grows huge. A file appears whole or not at all: bytes go to a
 * temporary file first and are moved into place once complete. Back it up with the database
 * (docs/OPERATIONS.md).
 */
final class LocalStorage implements Storage {
  private static final int BUFFER = 64 * 1024;
  private final Path root;
  private final Path incoming;

  LocalStorage(Path root) throws IOException {
    this.root = root;
    this.incoming = root.resolve("incoming");
    Files.createDirectories(incoming);
  }

  @Override
  public String mode() {
    return "local";
  }

  @Override
  public Target uploadTarget(String key, String localUrl, long size, Duration validFor) {
    return new Target("PUT", localUrl, Map.of("Content-Type", "application/octet-stream"));
  }

  @Override
  public boolean receivesBytes() {
    return true;
  }

  @Override
  public long receive(String key, InputStream in, long maxBytes) throws IOException {
    Path part = Files.createTempFile(incoming, "put-", ".part");
    try {
      long total = 0;
      try (OutputStream out = Files.newOutputStream(part)) {
        byte[] buffer = new byte[BUFFER];
        int n;
        while ((n = in.read(buffer)) >= 0) {
          total += n;
          if (total > maxBytes) {
            throw new PayloadTooLarge(maxBytes); // stop reading at the limit
          }
          out.write(buffer, 0, n);
        }
      }
      Path target = path(key);
      Files.createDirectories(target.getParent());
      Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return total;
    } finally {
      Files.deleteIfExists(part);
    }
  }

  @Override
  public void store(String key, Path file, String contentType) throws IOException {
    Path part = Files.createTempFile(incoming, "store-", ".part");
    try {
      Files.copy(file, part, StandardCopyOption.REPLACE_EXISTING);
      Path target = path(key);
      Files.createDirectories(target.getParent());
      Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(part);
    }
  }

  @Override
  public OptionalLong size(String key) throws IOException {
    Path file = path(key);
    try {
      return OptionalLong.of(Files.size(file));
    } catch (NoSuchFileException e) {
      return OptionalLong.empty();
    }
  }

  @Override
  public InputStream open(String key, long length) throws IOException {
    InputStream in = Files.newInputStream(path(key));
    if (length <= 0) {
      return in;
    }
    try (in) {
      return new java.io.ByteArrayInputStream(in.readNBytes((int) Math.min(length, BUFFER * 4)));
    }
  }

  @Override
  public Optional<URI> downloadUrl(String key, String contentType, String contentDisposition) {
    return Optional.empty();
  }

  @Override
  public void delete(String key) throws IOException {
    Files.deleteIfExists(path(key));
  }

  @Override
  public List<Stored> list(String after, int limit) throws IOException {
    List<Stored> found = new ArrayList<>();
    String firstFloor = after == null ? null : after.substring(0, 2);
    for (String first : names(root, 2, firstFloor)) {
      // the second level resumes only inside the first level's directory where the last page ended
      String secondFloor = first.equals(firstFloor) ? after.substring(2, 4) : null;
      for (String second : names(root.resolve(first), 2, secondFloor)) {
        Path leaf = root.resolve(first).resolve(second);
        for (String key : names(leaf, 0, null)) {
          if ((after == null || key.compareTo(after) > 0) && isKey(key)) {
            found.add(new Stored(key, Files.getLastModifiedTime(leaf.resolve(key)).toInstant()));
            if (found.size() == limit) {
              return found;
            }
          }
        }
      }
    }
    return found;
  }

  /**
   * The names in {@code directory}, sorted: all of them ({@code length} 0), or those of {@code
   * length} characters that do not sort before {@code floor} (null: no floor).
   */
  private static List<String> names(Path directory, int length, String floor) throws IOException {
    try (Stream<Path> entries = Files.list(directory)) {
      return entries
          .map(entry -> entry.getFileName().toString())
          .filter(name -> length == 0 || name.length() == length)
          .filter(name -> floor == null || name.compareTo(floor) >= 0)
          .sorted()
          .toList();
    } catch (NoSuchFileException e) {
      return List.of();
    }
  }

  /** Keys are UUIDs (with an optional ".thumb"): checked, so no key can leave the root. */
  Path path(String key) {
    if (!isKey(key)) {
      throw new IllegalArgumentException("Not a storage key: " + key);
    }
    return root.resolve(key.substring(0, 2)).resolve(key.substring(2, 4)).resolve(key);
  }

  private static boolean isKey(String key) {
    return key.length() >= 36 && key.length() <= 48 && key.chars().allMatch(LocalStorage::keyChar);
  }

  private static boolean keyChar(int c) {
    return (c >= '0' && c <= '9')
        || (c >= 'a' && c <= 'f')
        || c == '-'
        || c == '.'
        || c == 't'
        || c == 'h'
        || c == 'u'
        || c == 'm'
        || c == 'b';
  }
}
