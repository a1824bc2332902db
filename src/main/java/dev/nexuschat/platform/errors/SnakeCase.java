package dev.nexuschat.platform.errors;

/** Java names to wire names: {@code displayName} becomes {@code display_name}. */
final class SnakeCase {
  private SnakeCase() {}

  static String of(String camel) {
    StringBuilder out = new StringBuilder(camel.length() + 4);
    for (int i = 0; i < camel.length(); i++) {
      char c = camel.charAt(i);
      if (Character.isUpperCase(c)) {
        if (i > 0) {
          out.append('_');
        }
        out.append(Character.toLowerCase(c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
