package dev.nexuschat.auth.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {
  private final PasswordHasher cheap = new PasswordHasher(PasswordHasher.MIN_COST);

  @Test
  void productionHashesWithCostTwelveUnlessConfigured() throws NoSuchFieldException {
    ConfigProperty setting =
        PasswordHasher.class.getDeclaredField("cost").getAnnotation(ConfigProperty.class);
    assertThat(setting.name()).isEqualTo("NEXUS_BCRYPT_COST");
    assertThat(setting.defaultValue()).isEqualTo("12");
    assertThat(new PasswordHasher(12).hash("correct horse")).startsWith("$2b$12$");
  }

  @Test
  void aHashCarriesItsCostSoChangingTheSettingLocksNobodyOut() {
    String madeAtTwelve = new PasswordHasher(12).hash("correct horse");
    assertThat(cheap.matches("correct horse", madeAtTwelve)).isTrue();
    assertThat(cheap.matches("correct horse!", madeAtTwelve)).isFalse();
  }

  @Test
  void passwordsLongerThanBcryptsInputAreNotTruncated() {
    String first = "a".repeat(72) + "first";
    String hash = cheap.hash(first);
    assertThat(cheap.matches(first, hash)).isTrue();
    assertThat(cheap.matches("a".repeat(72) + "second", hash)).isFalse();
  }

  @Test
  void aCostOutsideBcryptsRangeStopsTheStart() {
    assertThatThrownBy(() -> new PasswordHasher(3))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("NEXUS_BCRYPT_COST");
    assertThatThrownBy(() -> new PasswordHasher(32))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("between 4 and 31");
  }

  @Test
  void theDecoyCheckOfAnUnknownAccountMatchesNothing() {
    cheap.matchNothing("decoy-password"); // must not throw, whatever the password
    assertThat(cheap.matches("decoy-password", cheap.hash("other"))).isFalse();
  }
}
