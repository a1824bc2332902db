package dev.nexuschat.upload.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nexuschat.platform.errors.UnsupportedType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ContentTypesTest {
  private static final byte[] PNG = {
    (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'
  };
  private static final byte[] PDF = "%PDF-1.4\n%âãÏÓ\n".getBytes(StandardCharsets.ISO_8859_1);

  private static String detect(byte[] bytes) throws IOException {
    return ContentTypes.detect(new ByteArrayInputStream(bytes));
  }

  private static String detect(String text) throws IOException {
    return detect(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void theTypeComesFromTheBytes() throws IOException {
    assertThat(detect(PNG)).isEqualTo("image/png");
    assertThat(detect(PDF)).isEqualTo("application/pdf");
    assertThat(detect(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}))
        .isEqualTo("image/jpeg");
    assertThat(detect("<!DOCTYPE html><html><body>hi</body></html>")).isEqualTo("text/html");
    assertThat(detect("<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"/>"))
        .isEqualTo("image/svg+xml");
    assertThat(detect("just some words\n")).isEqualTo("text/plain");
  }

  @Test
  void aNameOrDeclaredTypeThatDisagreesWithTheContentIsRefusedNamingBoth() {
    assertThatThrownBy(() -> ContentTypes.effective("application/pdf", "cat.png", null))
        .isInstanceOf(UnsupportedType.class)
        .hasMessageContaining("application/pdf")
        .hasMessageContaining("image/png");
    assertThatThrownBy(() -> ContentTypes.effective("application/pdf", "report.pdf", "image/gif"))
        .isInstanceOf(UnsupportedType.class)
        .hasMessageContaining("image/gif");
    assertThatThrownBy(() -> ContentTypes.effective("text/plain", "photo.jpg", null))
        .isInstanceOf(UnsupportedType.class);
  }

  @Test
  void unrecognisedBytesMayNotPoseAsAKindDetectionKnows() {
    assertThatThrownBy(() -> ContentTypes.effective(ContentTypes.OCTET_STREAM, "fake.png", null))
        .isInstanceOf(UnsupportedType.class);
    assertThat(ContentTypes.effective(ContentTypes.OCTET_STREAM, "data.bin", null))
        .isEqualTo(ContentTypes.OCTET_STREAM);
  }

  @Test
  void agreeingAndMorePreciseNamesPass() {
    assertThat(ContentTypes.effective("image/png", "cat.png", "image/png")).isEqualTo("image/png");
    assertThat(ContentTypes.effective("text/plain", "table.csv", "text/csv")).isEqualTo("text/csv");
    assertThat(ContentTypes.effective("application/pdf", "no-extension", null))
        .isEqualTo("application/pdf");
    // the hint is only a hint: octet-stream, blank and malformed ones say nothing
    assertThat(ContentTypes.effective("application/pdf", "a.pdf", "application/octet-stream"))
        .isEqualTo("application/pdf");
    assertThat(ContentTypes.effective("application/pdf", "a.pdf", "not a type"))
        .isEqualTo("application/pdf");
  }

  @Test
  void htmlNamedAsTextIsStillServedAsHtmlAndNeverInline() {
    assertThat(ContentTypes.effective("text/html", "notes.txt", null)).isEqualTo("text/html");
    assertThat(ContentTypes.isInline("text/html")).isFalse();
    assertThat(ContentTypes.isInline("image/svg+xml")).isFalse();
    assertThat(ContentTypes.isInline("image/png")).isTrue();
  }
}
