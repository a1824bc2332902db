package dev.nexuschat.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A generator of fuzz input: the next value drawn from a seeded random, so that one seed gives one
 * sequence of inputs (no shrinking: a failure is reproduced by running its seed again).
 */
@FunctionalInterface
interface Gen<T> {
  String LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
  String DIGITS = "0123456789";

  T next(SplittableRandom random);

  default <R> Gen<R> map(Function<? super T, ? extends R> mapper) {
    return random -> mapper.apply(next(random));
  }

  /** A generator chosen by this one's value, drawn from at once. */
  default <R> Gen<R> flatMap(Function<? super T, ? extends Gen<? extends R>> generator) {
    return random -> generator.apply(next(random)).next(random);
  }

  /** This one's values that pass; gives up (a generator bug, not a finding) after 1000 misses. */
  default Gen<T> filter(Predicate<? super T> keep) {
    return random -> {
      for (int i = 0; i < 1000; i++) {
        T value = next(random);
        if (keep.test(value)) {
          return value;
        }
      }
      throw new IllegalStateException("The filter rejected 1000 values in a row");
    };
  }

  /** Between {@code min} and {@code max} (inclusive) values of this one. */
  default Gen<List<T>> list(int min, int max) {
    return random -> {
      int size = random.nextInt(min, max + 1);
      List<T> values = new ArrayList<>(size);
      for (int i = 0; i < size; i++) {
        values.add(next(random));
      }
      return values;
    };
  }

  static <T> Gen<T> constant(T value) {
    return random -> value;
  }

  /** One of {@code values}, each as likely. */
  static <T> Gen<T> of(List<? extends T> values) {
    List<? extends T> copy = List.copyOf(values);
    if (copy.isEmpty()) {
      throw new IllegalArgumentException("Nothing to choose from");
    }
    return random -> copy.get(random.nextInt(copy.size()));
  }

  @SafeVarargs
  static <T> Gen<T> of(T... values) {
    return of(List.of(values));
  }

  /** The value of one of {@code generators}, each as likely. */
  static <T> Gen<T> oneOf(List<? extends Gen<? extends T>> generators) {
    List<? extends Gen<? extends T>> copy = List.copyOf(generators);
    if (copy.isEmpty()) {
      throw new IllegalArgumentException("Nothing to choose from");
    }
    return random -> copy.get(random.nextInt(copy.size())).next(random);
  }

  @SafeVarargs
  static <T> Gen<T> oneOf(Gen<? extends T>... generators) {
    return oneOf(List.of(generators));
  }

  /** A generator and how often it is chosen relative to the others of a {@link #frequency}. */
  record Weighted<T>(int weight, Gen<? extends T> gen) {
    public Weighted {
      if (weight <= 0) {
        throw new IllegalArgumentException("Weights are positive: " + weight);
      }
    }
  }

  static <T> Weighted<T> weighted(int weight, Gen<? extends T> gen) {
    return new Weighted<>(weight, gen);
  }

  /** The value of one of {@code choices}, each chosen in proportion to its weight. */
  static <T> Gen<T> frequency(List<? extends Weighted<? extends T>> choices) {
    List<? extends Weighted<? extends T>> copy = List.copyOf(choices);
    int total = copy.stream().mapToInt(Weighted::weight).sum();
    if (total == 0) {
      throw new IllegalArgumentException("Nothing to choose from");
    }
    return random -> {
      int pick = random.nextInt(total);
      for (Weighted<? extends T> choice : copy) {
        pick -= choice.weight();
        if (pick < 0) {
          return choice.gen().next(random);
        }
      }
      throw new AssertionError("unreachable");
    };
  }

  @SafeVarargs
  static <T> Gen<T> frequency(Weighted<? extends T>... choices) {
    return frequency(List.of(choices));
  }

  /** Both generators' values combined. */
  static <A, B, R> Gen<R> zip(
      Gen<? extends A> first,
      Gen<? extends B> second,
      BiFunction<? super A, ? super B, ? extends R> combine) {
    return random -> {
      A a = first.next(random);
      return combine.apply(a, second.next(random));
    };
  }

  /** A value of each generator, in order. */
  static <T> Gen<List<T>> sequence(List<? extends Gen<? extends T>> generators) {
    List<? extends Gen<? extends T>> copy = List.copyOf(generators);
    return random -> {
      List<T> values = new ArrayList<>(copy.size());
      for (Gen<? extends T> generator : copy) {
        values.add(generator.next(random));
      }
      return values;
    };
  }

  /** An int from {@code min} to {@code max}, both inclusive. */
  static Gen<Integer> between(int min, int max) {
    return random -> random.nextInt(min, max + 1);
  }

  /** A char from {@code first} to {@code last}, both inclusive (surrogates too, when in range). */
  static Gen<Character> chars(char first, char last) {
    return random -> (char) random.nextInt(first, last + 1);
  }

  /** One of the chars of {@code alphabet}. */
  static Gen<Character> chars(String alphabet) {
    return random -> alphabet.charAt(random.nextInt(alphabet.length()));
  }

  /** Text of {@code min} to {@code max} (inclusive) chars. */
  static Gen<String> strings(Gen<Character> chars, int min, int max) {
    return random -> {
      int length = random.nextInt(min, max + 1);
      StringBuilder text = new StringBuilder(length);
      for (int i = 0; i < length; i++) {
        text.append(chars.next(random));
      }
      return text.toString();
    };
  }
}
