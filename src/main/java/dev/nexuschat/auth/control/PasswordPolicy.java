package dev.nexuschat.auth.control;

import java.util.ArrayList;
import java.util.List;

/**
 * The PRD's strength rules: 8 to 128 characters with an upper-case letter, a lower-case one and a
 * digit.
 */
public final class PasswordPolicy {
  public static final int MIN_LENGTH = 8;
  public static final int MAX_LENGTH = 128;

  private PasswordPolicy() {}

  /** What is wrong with the password, or nothing. */
  public static List<String> problems(String password) {
    List<String> problems = new ArrayList<>();
    if (password == null) {
      problems.add("is required");
      return problems;
    }
    int length = password.codePointCount(0, password.length());
    if (length < MIN_LENGTH) {
      problems.add("must be at least " + MIN_LENGTH + " characters");
    }
    if (length > MAX_LENGTH) {
      problems.add("must be at most " + MAX_LENGTH + " characters");
    }
    if (password.chars().noneMatch(Character::isUpperCase)) {
      problems.add("must contain an upper-case letter");
    }
    if (password.chars().noneMatch(Character::isLowerCase)) {
      problems.add("must contain a lower-case letter");
    }
    if (password.chars().noneMatch(Character::isDigit)) {
      problems.add("must contain a digit");
    }
    return problems;
  }
}
