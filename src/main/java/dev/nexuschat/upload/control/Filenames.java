package dev.nexuschat.upload.control;

import dev.nexuschat.platform.errors.Invalid;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

/**
 * The name a file is shown and downloaded under: what the uploader's system called it, checked
 * without patterns (no backtracking) and bounded before anything else looks at it. Never a path:
 * the bytes are stored under the upload's id, the name is only a label.
 */
public final class Filenames {
  public static final int MAX_LENGTH = 255;

  private Filenames() {}

  /** The checked, NFC-normalised name: 400 naming {@code filename} when it is not acceptable. */
  public static String check(String name) {
    if (name == null) {
      throw new Invalid("filename", "is required");
    }
    // bound the work first: at most 255 code points are ever looked at
    if (name.length() > 2 * MAX_LENGTH) {
      throw new Invalid("filename", "must be at most " + MAX_LENGTH + " characters");
    }
    String normalized = Normalizer.normalize(name, Normalizer.Form.NFC).strip();
    if (normalized.isEmpty()) {
      throw new Invalid("filename", "must not be blank");
    }
    if (normalized.codePointCount(0, normalized.length()) > MAX_LENGTH) {
      throw new Invalid("filename", "must be at most " + MAX_LENGTH + " characters");
    }
    if (normalized.equals(".") || normalized.equals("..")) {
      throw new Invalid("filename", "must name a file");
    }
    for (int i = 0; i < normalized.length(); ) {
      int c = normalized.codePointAt(i);
      if (c == '/' || c == '\\') {
        throw new Invalid("filename", "must not contain path separators");
      }
      if (Character.isISOControl(c) || c == 0x2028 || c == 0x2029 || isBidiControl(c)) {
        throw new Invalid("filename", "must not contain control characters");
      }
      if (Character.getType(c) == Character.SURROGATE) {
        throw new Invalid("filename", "must be valid Unicode");
      }
      i += Character.charCount(c);
    }
    return normalized;
  }

  /** Right-to-left overrides would let "gpj.exe" read as "exe.jpg". */
  private static boolean isBidiControl(int c) {
    return (c >= 0x202A && c <= 0x202E)
        || (c >= 0x2066 && c <= 0x2069)
        || c == 0x200E
        || c == 0x200F;
  }

  /** The extension after the last dot, lower-cased; empty when there is none. */
  public static String extension(String name) {
    int dot = name.lastIndexOf('.');
    return dot <= 0 || dot == name.length() - 1 ? "" : name.substring(dot + 1).toLowerCase();
  }

  /**
   * An RFC 6266 {@code Content-Disposition}: an ASCII fallback {@code filename} (anything else
   * replaced by {@code _}, quotes and backslashes too) and the exact name as RFC 8187 {@code
   * filename*=UTF-8''...}, percent-encoding every byte outside the attr-char set.
   */
  public static String contentDisposition(boolean inline, String name) {
    StringBuilder ascii = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); ) {
      int c = name.codePointAt(i);
      ascii.append(c >= 0x20 && c < 0x7F && c != '"' && c != '\\' && c != '%' ? (char) c : '_');
      i += Character.charCount(c);
    }
    return (inline ? "inline" : "attachment")
        + "; filename=\""
        + ascii
        + "\"; filename*=UTF-8''"
        + percentEncoded(name);
  }

  static String percentEncoded(String name) {
    StringBuilder out = new StringBuilder();
    for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xFF;
      if (isAttrChar(c)) {
        out.append((char) c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)));
        out.append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
      }
    }
    return out.toString();
  }

  /**
   * RFC 8187 attr-char: ALPHA / DIGIT / "!" / "#" / "$" / "&" / "+" / "-" / "." / "^" / "_" / "`" /
   * "|" / "~".
   */
  private static boolean isAttrChar(int c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || "!#$&+-.^_`|~".indexOf(c) >= 0;
  }
}
