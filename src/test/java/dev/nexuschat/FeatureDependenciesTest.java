package dev.nexuschat;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The top-level packages (auth, user, room, message, presence, realtime, platform) depend on each
 * other in one direction only: a feature that needs news from one it is used by observes that
 * feature's events instead of calling back into it.
 */
@AnalyzeClasses(packages = "dev.nexuschat", importOptions = ImportOption.DoNotIncludeTests.class)
class FeatureDependenciesTest {
  @ArchTest
  static final ArchRule featurePackagesHaveNoCycles =
      slices().matching("dev.nexuschat.(*)..").should().beFreeOfCycles();
}
