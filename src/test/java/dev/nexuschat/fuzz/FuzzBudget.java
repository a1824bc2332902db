package dev.nexuschat.fuzz;

import java.util.SplittableRandom;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The run's size and seed from system properties: {@code -Dfuzz.tries=N} replaces every check's
 * default tries, {@code -Dfuzz.seed=S} its seed ({@code -Dfuzz.seed=random}: a new one for each
 * check, printed). Without them the run is the fixed-seed one CI makes.
 */
final class FuzzBudget {
  /** The seed CI runs with: the same inputs every build. */
  static final long CI_SEED = 20261202L;

  private FuzzBudget() {}

  /** One try of a check: throws (an assertion, or anything else) when the input breaks a rule. */
  @FunctionalInterface
  interface Try<T> {
    void check(T input) throws Exception;
  }

  /** {@code -Dfuzz.tries}, or {@code defaultTries} without it. */
  static int tries(int defaultTries) {
    String tries = System.getProperty("fuzz.tries", "").strip();
    return tries.isEmpty() ? defaultTries : Integer.parseInt(tries);
  }

  /** {@code -Dfuzz.seed}, a new random one for {@code random}, or the CI seed without it. */
  static long seed() {
    String seed = System.getProperty("fuzz.seed", "").strip();
    if (seed.isEmpty()) {
      return CI_SEED;
    }
    return seed.equalsIgnoreCase("random")
        ? ThreadLocalRandom.current().nextLong()
        : Long.parseLong(seed);
  }

  /**
   * Draws {@link #tries} inputs from {@code inputs}, seeded with {@link #seed}, and checks each;
   * the first failure stops the run and names its seed and try, so that {@code -Dfuzz.seed=<seed>}
   * replays the same inputs up to it.
   */
  static <T> void forAll(String check, int defaultTries, Gen<T> inputs, Try<? super T> rule) {
    long seed = seed();
    int tries = tries(defaultTries);
    System.out.printf("%s: %d tries, seed %d%n", check, tries, seed);
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 1; i <= tries; i++) {
      try {
        rule.check(inputs.next(random));
      } catch (Exception | AssertionError e) {
        throw new AssertionError(
            String.format(
                "%s failed at try %d of %d, seed %d (reproduce with -Dfuzz.seed=%d):%n%s",
                check, i, tries, seed, seed, e.getMessage()),
            e);
      }
    }
  }
}
