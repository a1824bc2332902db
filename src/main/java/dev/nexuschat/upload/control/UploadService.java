package dev.nexuschat.upload.control;

import com.github.f4b6a3.uuid.UuidCreator;
import dev.nexuschat.platform.errors.Conflict;
import dev.nexuschat.platform.errors.Invalid;
import dev.nexuschat.platform.errors.NotFound;
import dev.nexuschat.platform.errors.PayloadTooLarge;
import dev.nexuschat.platform.errors.Unprocessable;
import dev.nexuschat.platform.ratelimit.UserLimit;
import dev.nexuschat.platform.ratelimit.UserLimits;
import dev.nexuschat.platform.time.Timestamps;
import dev.nexuschat.room.control.Memberships;
import dev.nexuschat.upload.entity.Upload;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * The life of an upload up to its attachment: a slot in a room, the bytes (local storage takes them
 * here), the completion that checks them, and reading them back. No transaction is open while bytes
 * move: rows are read and written in short steps around the I/O.
 */
@ApplicationScoped
public class UploadService {
  /** Enough for Tika's magic and XML root detection. */
  static final int DETECTION_BYTES = 64 * 1024;

  @PersistenceContext EntityManager em;
  @Inject Memberships memberships;
  @Inject UserLimits limits;
  @Inject Storage storage;
  @Inject UploadSettings settings;
  @Inject UploadCompletion completion;

  /** A file to be read: from this server (stream) or from a short-lived URL (redirect). */
  public record Download(
      String contentType,
      String contentDisposition,
      long size,
      Optional<URI> redirect,
      ByteSource bytes) {}

  /** Opens the stored bytes when the response is written. */
  @FunctionalInterface
  public interface ByteSource {
    InputStream open() throws IOException;
  }

  /**
   * A slot for a file of {@code size} bytes named {@code filename} in the room: 404 for an unknown
   * room, 403 for a non-member, 413 above the limit, 400 for an empty file or a bad name.
   */
  @Transactional
  public UploadViews.Slot create(
      UUID callerId, UUID roomId, String filename, Long size, String contentType) {
    memberships.require(roomId, callerId);
    if (size == null) {
      throw new Invalid("size", "is required");
    }
    if (size <= 0) {
      throw new Invalid("size", "must be at least 1 byte: empty files are not uploaded");
    }
    long max = settings.maxBytes();
    if (size > max) {
      throw new PayloadTooLarge(max);
    }
    String name = Filenames.check(filename);
    limits.take(UserLimit.UPLOAD, callerId); // after the checks: a refused request costs nothing
    OffsetDateTime now = Timestamps.now();
    UUID id = UuidCreator.getTimeOrderedEpoch();
    em.persist(
        new Upload(id, roomId, callerId, name, size, ContentTypes.declared(contentType), now));
    Storage.Target target =
        storage.uploadTarget(
            StoredBytes.key(id), UploadViews.BASE + id, size, settings.orphanTtl());
    return new UploadViews.Slot(
        id,
        new UploadViews.Instruction(target.method(), target.url(), target.headers()),
        max,
        now.plus(settings.orphanTtl()).toInstant());
  }

  /**
   * Local storage: the bytes of the caller's upload {@code id}, read up to its declared size (413
   * past it, 413 at once when {@code declaredLength} says so). 404 unless it is the caller's and
   * they are still in its room; 409 once it is completed or with S3 storage.
   */
  public void receive(UUID callerId, UUID id, long declaredLength, InputStream body) {
    Upload upload = ownedPending(callerId, id);
    if (!storage.receivesBytes()) {
      throw new Conflict(
          "UPLOAD_BY_URL", "This server stores uploads in S3: PUT the bytes to the slot's URL");
    }
    if (declaredLength > upload.declaredSize()) {
      throw new PayloadTooLarge(upload.declaredSize());
    }
    try {
      storage.receive(StoredBytes.key(id), body, upload.declaredSize());
    } catch (IOException e) {
      throw new UncheckedIOException("Upload " + id + " not stored", e);
    }
  }

  /**
   * Checks the stored bytes of the caller's upload and records what they are (see {@link
   * UploadCompletion}). A completed upload answers its view again.
   */
  public UploadViews.Attachment complete(UUID callerId, UUID id) {
    Upload upload = owned(callerId, id);
    if (upload.isCompleted()) {
      return UploadViews.Attachment.of(upload);
    }
    OptionalLong stored;
    try {
      stored = storage.size(StoredBytes.key(id));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (stored.isEmpty()) {
      throw new Unprocessable(
          "UPLOAD_TRUNCATED",
          "No bytes were uploaded yet: 0 of " + upload.declaredSize() + " bytes");
    }
    if (stored.getAsLong() > upload.declaredSize()) {
      throw new PayloadTooLarge(upload.declaredSize());
    }
    if (stored.getAsLong() < upload.declaredSize()) {
      throw new Unprocessable(
          "UPLOAD_TRUNCATED",
          "The upload is truncated: "
              + stored.getAsLong()
              + " of "
              + upload.declaredSize()
              + " bytes arrived");
    }
    return completion.complete(upload);
  }

  /**
   * The file (or its thumbnail) for a current member of its room; before it is attached, for its
   * uploader only. Anyone else, and anything not there: 404.
   */
  public Download read(UUID callerId, UUID id, boolean thumbnail) {
    Upload upload = em.find(Upload.class, id);
    if (upload == null
        || !upload.isCompleted()
        || (!upload.isAttached() && !upload.isUploadedBy(callerId))
        || memberships.find(upload.roomId(), callerId).isEmpty()
        || (thumbnail && !upload.hasThumbnail())) {
      throw new NotFound("No upload " + id);
    }
    String key = thumbnail ? StoredBytes.thumbnailKey(id) : StoredBytes.key(id);
    String type = thumbnail ? upload.thumbnailType() : upload.contentType();
    String disposition =
        Filenames.contentDisposition(ContentTypes.isInline(type), upload.filename());
    Optional<URI> redirect = storage.downloadUrl(key, type, disposition);
    long size = -1;
    if (redirect.isEmpty()) {
      try {
        size = thumbnail ? storage.size(key).orElse(-1) : upload.size();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return new Download(type, disposition, size, redirect, () -> storage.open(key, 0));
  }

  private Upload owned(UUID callerId, UUID id) {
    Upload upload = em.find(Upload.class, id);
    if (upload == null
        || !upload.isUploadedBy(callerId)
        || memberships.find(upload.roomId(), callerId).isEmpty()) {
      throw new NotFound("No upload " + id);
    }
    return upload;
  }

  private Upload ownedPending(UUID callerId, UUID id) {
    Upload upload = owned(callerId, id);
    if (upload.isCompleted()) {
      throw new Conflict("UPLOAD_COMPLETED", "Upload " + id + " is completed: its bytes are final");
    }
    return upload;
  }
}
