package dev.nexuschat.upload.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class UploadSettingsTest {
  @Test
  void durationsReadInShortOrIsoForm() {
    assertThat(UploadSettings.duration("24h")).isEqualTo(Duration.ofHours(24));
    assertThat(UploadSettings.duration("30s")).isEqualTo(Duration.ofSeconds(30));
    assertThat(UploadSettings.duration("15m")).isEqualTo(Duration.ofMinutes(15));
    assertThat(UploadSettings.duration("7d")).isEqualTo(Duration.ofDays(7));
    assertThat(UploadSettings.duration("PT2H")).isEqualTo(Duration.ofHours(2));
    assertThat(UploadSettings.duration("0s")).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void nonsenseIsRefused() {
    assertThatThrownBy(() -> UploadSettings.duration("soon")).isInstanceOf(RuntimeException.class);
    assertThatThrownBy(() -> UploadSettings.duration("10y")).isInstanceOf(RuntimeException.class);
  }
}
