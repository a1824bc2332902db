package dev.nexuschat.auth.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTest {
  @ParameterizedTest
  @ValueSource(strings = {"Correct-Horse-9", "Abcdefg1", "ÄBCdefg1", "Pässwört1"})
  void strongPasswordsPass(String password) {
    assertTrue(PasswordPolicy.problems(password).isEmpty());
  }

  @Test
  void missingPasswordIsRequired() {
    assertEquals(List.of("is required"), PasswordPolicy.problems(null));
  }

  @Test
  void everyBrokenRuleIsListedAtOnce() {
    List<String> problems = PasswordPolicy.problems("abc");
    assertTrue(problems.contains("must be at least 8 characters"));
    assertTrue(problems.contains("must contain an upper-case letter"));
    assertTrue(problems.contains("must contain a digit"));
    assertEquals(3, problems.size());
  }

  @Test
  void eachCharacterClassIsRequired() {
    assertEquals(List.of("must contain an upper-case letter"), PasswordPolicy.problems("abcdefg1"));
    assertEquals(List.of("must contain a lower-case letter"), PasswordPolicy.problems("ABCDEFG1"));
    assertEquals(List.of("must contain a digit"), PasswordPolicy.problems("Abcdefgh"));
  }

  @Test
  void lengthBoundsAreEightToOneHundredTwentyEight() {
    assertEquals(List.of("must be at least 8 characters"), PasswordPolicy.problems("Abcdef1"));
    assertTrue(PasswordPolicy.problems("Abcdefg1").isEmpty());
    String max = "Ab1" + "x".repeat(125);
    assertTrue(PasswordPolicy.problems(max).isEmpty());
    assertEquals(List.of("must be at most 128 characters"), PasswordPolicy.problems(max + "x"));
  }

  @Test
  void lengthCountsCharactersNotUtf16Units() {
    // 5 emoji are 10 UTF-16 units but 5 characters: with "Ab1" that is 8 characters.
    assertTrue(PasswordPolicy.problems("Ab1" + "😀".repeat(5)).isEmpty());
    assertEquals(
        List.of("must be at least 8 characters"), PasswordPolicy.problems("Ab1" + "😀".repeat(4)));
  }
}
