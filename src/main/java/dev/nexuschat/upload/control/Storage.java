package dev.nexuschat.upload.control;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Where the bytes of uploads live, by key: a directory under {@code NEXUS_DATA_DIR} ({@link
 * LocalStorage}, the default) or an S3-compatible bucket ({@link S3Storage}), chosen by {@code
 * NEXUS_STORAGE} ({@link StorageChoice}). Keys are the upload's id (and {@code <id>.thumb}), never
 * anything a client named.
 */
public interface Storage {
  /** How a client sends the bytes: method, URL and the headers it must send. */
  record Target(String method, String url, Map<String, String> headers) {}

  /** "local" or "s3", as configured. */
  String mode();

  /**
   * Where the client puts the {@code size} bytes of {@code key} within {@code validFor}: this
   * server's {@code PUT /uploads/{id}} ({@code localUrl}) or a presigned PUT to the bucket.
   */
  Target uploadTarget(String key, String localUrl, long size, Duration validFor);

  /** This server receives the bytes itself ({@code PUT /uploads/{id}}). */
  boolean receivesBytes();

  /**
   * Stores what {@code in} holds under {@code key}, reading at most {@code maxBytes}: more is 413
   * and leaves nothing stored. Answers the number of bytes stored.
   */
  long receive(String key, InputStream in, long maxBytes) throws IOException;

  /** Stores the file's bytes under {@code key}, replacing what was there. */
  void store(String key, Path file, String contentType) throws IOException;

  /** The stored size of {@code key}, empty when nothing is stored under it. */
  OptionalLong size(String key) throws IOException;

  /** The first {@code length} bytes of {@code key} (all with {@code length <= 0}). */
  InputStream open(String key, long length) throws IOException;

  /**
   * A short-lived URL that serves {@code key} with these headers, for clients to fetch directly;
   * empty when this server streams the bytes itself.
   */
  Optional<URI> downloadUrl(String key, String contentType, String contentDisposition);

  /** Deletes {@code key}; nothing stored is fine. */
  void delete(String key) throws IOException;

  /** A stored key, and when its bytes were last written. */
  record Stored(String key, Instant modified) {}

  /**
   * Up to {@code limit} stored keys after {@code after} (null: from the first), in key order; what
   * the storage holds besides upload keys is left out.
   */
  List<Stored> list(String after, int limit) throws IOException;
}
