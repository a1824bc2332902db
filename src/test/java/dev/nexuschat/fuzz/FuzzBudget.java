package dev.nexuschat.fuzz;

import net.jqwik.api.AfterFailureMode;
import net.jqwik.api.FixedSeedMode;
import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * The run's size and seed from system properties: {@code -Dfuzz.tries=N} replaces every property's
 * default tries, {@code -Dfuzz.seed=S} its seed ({@code -Dfuzz.seed=random} lets jqwik pick one and
 * report it). Without them the run is the fixed-seed one CI makes.
 */
public final class FuzzBudget implements AroundPropertyHook {
  /** The seed CI runs with: the same requests every build. */
  static final String CI_SEED = "20261202";

  @Override
  public PropertyExecutionResult aroundProperty(
      PropertyLifecycleContext context, PropertyExecutor property) {
    String tries = System.getProperty("fuzz.tries", "");
    if (!tries.isBlank()) {
      context.attributes().setTries(Integer.parseInt(tries.strip()));
    }
    String seed = System.getProperty("fuzz.seed", "");
    if (seed.equalsIgnoreCase("random")) {
      // not the seed of an earlier failure from jqwik's database either: new inputs
      context.attributes().setAfterFailure(AfterFailureMode.RANDOM_SEED);
    } else {
      context.attributes().setSeed(seed.isBlank() ? CI_SEED : seed.strip());
      context.attributes().setWhenFixedSeed(FixedSeedMode.ALLOW);
    }
    return property.execute();
  }

  @Override
  public int aroundPropertyProximity() {
    return -100; // outermost: the attributes must be set before the property starts
  }
}
