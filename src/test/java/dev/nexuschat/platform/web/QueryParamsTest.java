package dev.nexuschat.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nexuschat.platform.errors.Invalid;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class QueryParamsTest {
  @ParameterizedTest
  @CsvSource({
    "1, 1",
    "50, 50",
    "100, 100",
    "101, 100",
    "+7, 7",
    "007, 7",
    "' 20 ', 20",
    "2147483647, 100",
    "2147483648, 100",
    "99999999999999999999999999999999, 100"
  })
  void aLimitAboveTheMaximumIsClampedHoweverLarge(String given, int expected) {
    assertThat(QueryParams.limit(given, 50, 100)).isEqualTo(expected);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"  "})
  void noLimitIsTheDefault(String given) {
    assertThat(QueryParams.limit(given, 50, 100)).isEqualTo(50);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "000", "-1", "-2147483649", "-99999999999999999999"})
  void aLimitBelowOneIsRefused(String given) {
    assertThatThrownBy(() -> QueryParams.limit(given, 50, 100))
        .isInstanceOf(Invalid.class)
        .hasMessageContaining("at least 1");
  }

  @ParameterizedTest
  @ValueSource(strings = {"ten", "1.5", "1e3", "0x10", "+", "-", "--1", "1 0", "٣"})
  void aLimitThatIsNotAWholeNumberIsRefused(String given) {
    assertThatThrownBy(() -> QueryParams.limit(given, 50, 100))
        .isInstanceOf(Invalid.class)
        .hasMessageContaining("whole number");
  }
}
