package dev.nexuschat.upload.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nexuschat.platform.errors.Invalid;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FilenamesTest {
  @Test
  void anOrdinaryNameIsKeptAsItIs() {
    assertThat(Filenames.check("Holiday photo (1).JPG")).isEqualTo("Holiday photo (1).JPG");
    assertThat(Filenames.check("  spaced.txt  ")).isEqualTo("spaced.txt");
    assertThat(Filenames.check("日本語.pdf")).isEqualTo("日本語.pdf");
  }

  @Test
  void decomposedAccentsAreComposed() {
    assertThat(Filenames.check("re\u0301sume\u0301.pdf")).isEqualTo("résumé.pdf");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "   ",
        ".",
        "..",
        "a/b.txt",
        "..\\secret",
        "tab\tname",
        "new\nline",
        "nul\0.txt",
        "del\u007F",
        "gpj\u202E.exe",
        "line\u2028sep"
      })
  void namesThatAreEmptyPathsOrCarryControlsAreRefused(String name) {
    assertThatThrownBy(() -> Filenames.check(name))
        .isInstanceOf(Invalid.class)
        .satisfies(
            e -> assertThat(((Invalid) e).fieldErrors().get(0).field()).isEqualTo("filename"));
  }

  @Test
  void lengthIsCountedInCharactersUpTo255() {
    assertThat(Filenames.check("a".repeat(251) + ".txt")).hasSize(255);
    assertThatThrownBy(() -> Filenames.check("a".repeat(256))).isInstanceOf(Invalid.class);
    // 255 emoji are 510 UTF-16 units, still 255 characters
    assertThat(Filenames.check("😀".repeat(255))).hasSize(510);
    assertThatThrownBy(() -> Filenames.check("😀".repeat(256))).isInstanceOf(Invalid.class);
    assertThatThrownBy(() -> Filenames.check("x".repeat(100_000))).isInstanceOf(Invalid.class);
  }

  @Test
  void aLoneSurrogateIsRefused() {
    assertThatThrownBy(() -> Filenames.check("bad\uD800.txt")).isInstanceOf(Invalid.class);
  }

  @Test
  void contentDispositionCarriesAnAsciiFallbackAndTheExactUtf8Name() {
    assertThat(Filenames.contentDisposition(true, "cat.png"))
        .isEqualTo("inline; filename=\"cat.png\"; filename*=UTF-8''cat.png");
    assertThat(Filenames.contentDisposition(false, "résumé 2026.pdf"))
        .isEqualTo(
            "attachment; filename=\"r_sum_ 2026.pdf\"; filename*=UTF-8''r%C3%A9sum%C3%A9%202026.pdf");
  }

  @Test
  void quotesPercentAndSemicolonsCannotBreakTheHeader() {
    String header = Filenames.contentDisposition(false, "a\"b;c%d'e.txt");
    assertThat(header)
        .isEqualTo(
            "attachment; filename=\"a_b;c_d'e.txt\"; filename*=UTF-8''a%22b%3Bc%25d%27e.txt");
  }

  @Test
  void theExtensionIsTheLastDotsLowerCased() {
    assertThat(Filenames.extension("archive.TAR.GZ")).isEqualTo("gz");
    assertThat(Filenames.extension(".bashrc")).isEmpty();
    assertThat(Filenames.extension("README")).isEmpty();
    assertThat(Filenames.extension("trailing.")).isEmpty();
  }
}
