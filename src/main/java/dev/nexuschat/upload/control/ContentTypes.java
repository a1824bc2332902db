package dev.nexuschat.upload.control;

import dev.nexuschat.platform.errors.UnsupportedType;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeType;
import org.apache.tika.mime.MimeTypeException;
import org.apache.tika.mime.MimeTypes;

/**
 * What a file is, from its bytes (Apache Tika's magic and XML root detection, which read only the
 * first few kilobytes), never from its name or the client's header; those may only confirm it. A
 * file whose name or declared type claims something its content is not is refused.
 */
public final class ContentTypes {
  /** Shown inline and measured: raster formats a browser renders without running anything. */
  public static final Set<String> RASTER_IMAGES =
      Set.of("image/png", "image/jpeg", "image/gif", "image/webp");

  static final String OCTET_STREAM = "application/octet-stream";
  private static final int MAX_DECLARED_LENGTH = 255;
  private static final MimeTypes TYPES = MimeTypes.getDefaultMimeTypes();
  private static final MediaTypeRegistry REGISTRY = TYPES.getMediaTypeRegistry();

  private ContentTypes() {}

  /** The type of the content {@code in} starts with; reads at most what detection needs. */
  public static String detect(InputStream in) throws IOException {
    InputStream marked = in.markSupported() ? in : new BufferedInputStream(in, 8192);
    // no resource name in the metadata: the name must not decide
    MediaType type = TYPES.detect(marked, new Metadata());
    return type == null ? OCTET_STREAM : type.getBaseType().toString();
  }

  /** The type the file's name suggests, or null when its extension says nothing. */
  public static String byName(String filename) {
    if (Filenames.extension(filename).isEmpty()) {
      return null;
    }
    MimeType type = TYPES.getMimeType(filename);
    String name = type == null ? OCTET_STREAM : type.getName();
    return OCTET_STREAM.equals(name) ? null : name;
  }

  /** The client's hint, if it is a well-formed type worth comparing; else null (only a hint). */
  public static String declared(String contentType) {
    if (contentType == null
        || contentType.isBlank()
        || contentType.length() > MAX_DECLARED_LENGTH) {
      return null;
    }
    MediaType type = MediaType.parse(contentType.strip());
    if (type == null) {
      return null;
    }
    String base = type.getBaseType().toString();
    return OCTET_STREAM.equals(base) ? null : REGISTRY.normalize(type).getBaseType().toString();
  }

  /**
   * The type the file is stored and served as: the detected one, or the name's when that is a more
   * precise kind of it (a .csv detected as text, a .docx detected as a zip). 415 when the name or
   * the declared type claims something else.
   */
  public static String effective(String detected, String filename, String declaredType) {
    String byName = byName(filename);
    check(detected, byName, "the file name says");
    check(detected, declared(declaredType), "the declared type is");
    if (byName != null
        && !OCTET_STREAM.equals(detected)
        && REGISTRY.isSpecializationOf(MediaType.parse(byName), MediaType.parse(detected))) {
      return byName;
    }
    return detected;
  }

  private static void check(String detected, String claimed, String what) {
    if (claimed == null || claimed.equals(detected)) {
      return;
    }
    MediaType content = MediaType.parse(detected);
    MediaType claim = MediaType.parse(claimed);
    boolean related;
    if (OCTET_STREAM.equals(detected)) {
      // unrecognised bytes: fine for a kind of file detection cannot tell, not for one it can
      related = !hasMagic(claimed);
    } else {
      related =
          REGISTRY.isSpecializationOf(content, claim)
              || REGISTRY.isSpecializationOf(claim, content);
    }
    if (!related) {
      throw new UnsupportedType(
          "CONTENT_TYPE_MISMATCH", "The content is " + detected + ", but " + what + " " + claimed);
    }
  }

  private static boolean hasMagic(String type) {
    // getRegisteredMimeType, not forName: that one registers whatever a client declares
    try {
      MimeType known = TYPES.getRegisteredMimeType(type);
      return known != null && known.hasMagic();
    } catch (MimeTypeException e) {
      return false;
    }
  }

  /** Raster images are shown in place; everything else (HTML and SVG included) downloads. */
  public static boolean isInline(String type) {
    return RASTER_IMAGES.contains(type);
  }
}
