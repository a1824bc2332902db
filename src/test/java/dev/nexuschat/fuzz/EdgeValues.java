package dev.nexuschat.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The hostile values the fuzzer mixes into requests and frames: unicode edge cases, lengths at and
 * over limits, every wrong JSON type, malformed ids and numbers at the integer extremes.
 */
final class EdgeValues {
  /** The body cap of the REST API and the frame cap of the socket (64 KiB). */
  static final int CAP_BYTES = 64 * 1024;

  /** Characters that have broken text handling somewhere: case folding, lengths, direction. */
  static final List<String> UNICODE =
      List.of(
          "\u0130", // İ: lower-cases to two chars
          "\u00df", // ß: upper-cases to SS
          "e\u0301", // combining acute
          "\u0301", // a combining mark on nothing
          "\u200f", // right-to-left mark
          "\u202e", // right-to-left override
          "\u200b", // zero width space
          "\ufeff", // byte order mark
          "\u00a0", // no-break space
          "\u2028", // line separator
          "\ud83d\ude00", // emoji
          "\ud83d\udc69\u200d\ud83d\udc69\u200d\ud83d\udc67\u200d\ud83d\udc66", // ZWJ family
          "\ud83c\udff3\ufe0f\u200d\ud83c\udf08", // ZWJ flag
          "\u0000", // NUL
          "\u0001",
          "\u0007",
          "\u001b",
          "\u007f",
          "\u0085",
          "\t",
          "\n",
          "\r\n",
          "\ud800", // unpaired high surrogate
          "\udfff", // unpaired low surrogate
          "\uffff", // a noncharacter
          "\ufffd",
          "\\",
          "\"",
          "'",
          "%00",
          "%s%n",
          "<script>alert(1)</script>",
          "'; DROP TABLE users; --",
          "${jndi:ldap://x.test/a}",
          "../../etc/passwd",
          " ");

  private EdgeValues() {}

  /** Text made of edge-case pieces, each possibly repeated, sometimes around ordinary letters. */
  static Gen<String> unicodeText() {
    Gen<String> piece =
        Gen.oneOf(
            Gen.of(UNICODE),
            Gen.strings(Gen.chars(Gen.LETTERS), 1, 8),
            Gen.strings(Gen.chars(Character.MIN_VALUE, Character.MAX_VALUE), 1, 4));
    Gen<String> repeated = Gen.zip(piece, Gen.between(1, 3), String::repeat);
    return repeated.list(1, 6).map(pieces -> String.join("", pieces));
  }

  /**
   * Text around a length limit: exactly at it and one over, in code points that are one, two
   * (emoji) or more UTF-16 units, in characters that grow when lower-cased, padded with spaces.
   */
  static Gen<String> aroundLimit(int max) {
    Gen<String> unit = Gen.of("a", "\u0130", "\ud83d\ude00", "e\u0301", "\u00df");
    Gen<Integer> count = Gen.of(max, max + 1, Math.max(0, max - 1), max * 2);
    Gen<String> body = Gen.zip(unit, count, String::repeat);
    return Gen.oneOf(body, body.map(text -> "  " + text + "  "));
  }

  /** Big text, up to the body cap and past it. */
  static Gen<String> huge() {
    return Gen.zip(
        Gen.of("a", "\u00e9", "\ud83d\ude00", " "),
        Gen.of(10_000, CAP_BYTES / 4, CAP_BYTES / 2 - 64, CAP_BYTES - 200, CAP_BYTES),
        (unit, bytes) -> unit.repeat(Math.max(1, bytes / unit.getBytes(UTF8).length)));
  }

  static final java.nio.charset.Charset UTF8 = java.nio.charset.StandardCharsets.UTF_8;

  /**
   * Any JSON value of another type than a string: numbers at the extremes, booleans, containers.
   */
  static Gen<String> jsonNonString() {
    return Gen.of(
        "0",
        "-1",
        "1.5",
        "-0",
        "1e999",
        "2147483648",
        "-9223372036854775809",
        "123456789012345678901234567890",
        "true",
        "false",
        "[]",
        "{}",
        "[null]",
        "[\"a\"]",
        "{\"a\":1}");
  }

  /** Any JSON value of another type than an array. */
  static Gen<String> jsonNonArray() {
    return Gen.of("\"a\"", "0", "true", "{}", "\"\"", "{\"0\":\"a\"}");
  }

  /** Any JSON value of another type than a boolean. */
  static Gen<String> jsonNonBoolean() {
    return Gen.of("\"true\"", "1", "0", "\"yes\"", "[]", "{}", "\"\"");
  }

  /** Strings that are not UUIDs, some of them nearly. */
  static Gen<String> notUuid() {
    String uuid = "3f2c1b7e-9d4a-4e21-8c3b-5a6f7e8d9c0b";
    return Gen.oneOf(
        Gen.of(
            "",
            " ",
            "x",
            "1",
            "-1",
            "null",
            "undefined",
            uuid.toUpperCase(),
            uuid.replace("-", ""),
            "{" + uuid + "}",
            " " + uuid,
            uuid + " ",
            uuid + "0",
            uuid.substring(1),
            "zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz",
            "1-1-1-1-1",
            "00000000-0000-0000-0000-00000000000g",
            "--------------------------------------",
            "0x7fffffff",
            uuid.replace('3', '\u0663'), // Arabic-indic digit
            "%2e%2e%2f",
            "../" + uuid,
            "a".repeat(5000)),
        unicodeText());
  }

  static Gen<String> randomUuid() {
    return random -> new UUID(random.nextLong(), random.nextLong()).toString();
  }

  /** Numbers as query parameters: the int and long extremes and things that almost parse. */
  static Gen<String> numberText() {
    List<String> values =
        new ArrayList<>(
            List.of(
                "0",
                "1",
                "-1",
                "50",
                "100",
                "101",
                String.valueOf(Integer.MAX_VALUE),
                String.valueOf(Integer.MIN_VALUE),
                String.valueOf(Integer.MAX_VALUE + 1L),
                String.valueOf(Integer.MIN_VALUE - 1L),
                String.valueOf(Long.MAX_VALUE),
                String.valueOf(Long.MIN_VALUE),
                "9223372036854775808",
                "-9223372036854775809",
                "99999999999999999999999999999999",
                "1e3",
                "1.0",
                "0x10",
                "+5",
                " 7 ",
                "007",
                "\u0663", // Arabic-indic 3
                "\uff15", // fullwidth 5
                "NaN",
                "Infinity",
                "-0",
                ""));
    return Gen.of(values);
  }
}
