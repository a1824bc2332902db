package dev.nexuschat.fuzz;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The node's messages.log from a point on: the fuzzer's requests must never make the server log an
 * unhandled failure, even when the client got a decent answer.
 */
final class ServerLog {
  private static final List<String> UNHANDLED =
      List.of(
          "Unexpected failure, incident", // ProblemMapper's 500
          "Client event failed", // the socket's catch-all
          "SRVE0777E", // exception thrown by an application class
          "SRVE0315E", // a servlet failed
          "StackOverflowError",
          "OutOfMemoryError");

  /**
   * Liberty logs SRVE0315E for a URI it will not decode (CWWWC0005I, an encoded slash) even though
   * the client gets the 400 problem; that line is the container's, not an unhandled failure.
   */
  private static final String REFUSED_URI = "CWWWC0005I";

  private final Path file;
  private long offset;

  ServerLog(Path file) throws IOException {
    this.file = file;
    this.offset = Files.exists(file) ? Files.size(file) : 0;
  }

  /** The lines written since the last call that report an unhandled failure. */
  List<String> newFailures() throws IOException {
    if (!Files.exists(file)) {
      return List.of();
    }
    List<String> failures = new ArrayList<>();
    try (RandomAccessFile log = new RandomAccessFile(file.toFile(), "r")) {
      long length = log.length();
      if (length < offset) {
        offset = 0; // rolled over
      }
      byte[] fresh = new byte[(int) Math.min(length - offset, 8 << 20)];
      log.seek(offset);
      log.readFully(fresh);
      offset += fresh.length;
      for (String line : new String(fresh, StandardCharsets.UTF_8).split("\n")) {
        if (UNHANDLED.stream().anyMatch(line::contains) && !line.contains(REFUSED_URI)) {
          failures.add(line.length() > 300 ? line.substring(0, 300) + "…" : line);
        }
      }
    }
    return failures;
  }
}
