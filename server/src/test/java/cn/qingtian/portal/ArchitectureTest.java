package cn.qingtian.portal;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import cn.qingtian.portal.architecture.FeatureInterface;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The dependency rules of docs/architecture.md, "Packages and allowed directions", checked on the
 * production classes of both modules (test classes, among them the planted violations of {@code
 * ArchitectureRulesTest}, are not imported). A rule that fails names each offending dependency: fix
 * the code, or change the map here and in docs/architecture.md together.
 */
@AnalyzeClasses(
    packages = {"cn.qingtian.portal", "cn.qingtian.site"},
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  static final String PORTAL = "cn.qingtian.portal";

  /** Where a failure sends the reader: the map, the rules and why. */
  private static final String SEE = " (docs/architecture.md, \"Packages and allowed directions\")";

  /** The core, bottom to top: a layer may use the layers below it, never one above. */
  static final List<String> CORE =
      List.of(
          "messages", "operations", "database", "api", "release", "dataset", "ratelimit", "web");

  /** The features and, for each, the other features it may use (through their interfaces only). */
  static final Map<String, Set<String>> FEATURES =
      Map.of(
          "plan", Set.of(),
          "indicator", Set.of("plan"),
          "achievement", Set.of("indicator", "plan"),
          "disclosure", Set.of("indicator"),
          "charity", Set.of("disclosure", "indicator"),
          "search", Set.of("indicator"),
          "site", Set.of(),
          "download", Set.of("charity", "site"),
          "demo", Set.of("disclosure", "plan"));

  @ArchTest
  static final ArchRule NO_CYCLES =
      slices()
          .matching(PORTAL + ".(*)..")
          .namingSlices("$1")
          .should()
          .beFreeOfCycles()
          .because(
              "a package that two others reach in a circle cannot be understood or changed on its"
                  + " own"
                  + SEE);

  @ArchTest
  static final ArchRule CORE_IGNORES_FEATURES =
      noClasses()
          .that()
          .resideInAnyPackage(packages(CORE))
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(packages(FEATURES.keySet()))
          .because(
              "the core (GraphQL plumbing, releases, imports, limits, HTTP) serves every feature and"
                  + " must not change when one does; a feature plugs in through the core's"
                  + " interfaces (NodeResolver, DerivedTables, …)"
                  + SEE);

  @ArchTest
  static final ArchRule CORE_LAYERS =
      layeredArchitecture()
          .consideringOnlyDependenciesInLayers()
          .layer("messages")
          .definedBy(PORTAL + ".messages..")
          .layer("operations")
          .definedBy(PORTAL + ".operations..")
          .layer("database")
          .definedBy(PORTAL + ".database..")
          .layer("api")
          .definedBy(PORTAL + ".api..")
          .layer("release")
          .definedBy(PORTAL + ".release..")
          .layer("dataset")
          .definedBy(PORTAL + ".dataset..")
          .layer("ratelimit")
          .definedBy(PORTAL + ".ratelimit..")
          .layer("web")
          .definedBy(PORTAL + ".web..")
          .layer("features")
          .definedBy(packages(FEATURES.keySet()))
          .whereLayer("messages")
          .mayNotAccessAnyLayer()
          .whereLayer("operations")
          .mayOnlyAccessLayers("messages")
          .whereLayer("database")
          .mayOnlyAccessLayers("messages", "operations")
          .whereLayer("api")
          .mayOnlyAccessLayers("messages", "operations", "database")
          .whereLayer("release")
          .mayOnlyAccessLayers("messages", "operations", "database", "api")
          .whereLayer("dataset")
          .mayOnlyAccessLayers("messages", "operations", "database", "api", "release")
          .whereLayer("ratelimit")
          .mayOnlyAccessLayers("messages", "operations", "database", "api", "release", "dataset")
          .whereLayer("web")
          .mayOnlyAccessLayers(
              "messages", "operations", "database", "api", "release", "dataset", "ratelimit")
          .whereLayer("features")
          .mayOnlyAccessLayers(CORE.toArray(String[]::new))
          .because(
              "each core package builds only on the ones below it (messages < operations < database"
                  + " < api < release < dataset < ratelimit < web), so a change low down is seen above and"
                  + " never the other way round"
                  + SEE);

  @ArchTest
  static final ArchRule FEATURES_USE_EACH_OTHER_THROUGH_INTERFACES =
      classes()
          .that()
          .resideInAnyPackage(packages(FEATURES.keySet()))
          .should(useOtherFeaturesOnlyThroughTheirInterfacesInTheListedDirections())
          .because(
              "a feature may change everything but its @FeatureInterface types without looking"
                  + " elsewhere, and the listed directions keep the features a tree"
                  + SEE);

  @ArchTest
  static final ArchRule SITE_MODULE_STANDS_ALONE =
      noClasses()
          .that()
          .resideInAPackage("cn.qingtian.site..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(PORTAL + "..", "org.springframework..")
          .because(
              "the site generator is a client of the public API (GraphQL over HTTP or in process):"
                  + " it runs without the server and without Spring"
                  + SEE);

  @ArchTest
  static final ArchRule EVERY_PACKAGE_IS_PLACED =
      classes()
          .that()
          .resideInAPackage(PORTAL + "..")
          .should()
          .resideInAnyPackage(placed())
          .because(
              "a new package is a core layer or a feature with listed directions, or no rule"
                  + " would hold it; add it to CORE or FEATURES here and to the tables of the doc"
                  + SEE);

  @ArchTest
  static final ArchRule NOTHING_USES_THE_ROOT =
      noClasses()
          .that()
          .resideOutsideOfPackage(PORTAL)
          .should()
          .dependOnClassesThat()
          .resideInAPackage(PORTAL)
          .because(
              "PortalApplication and PortalCommandLine wire everything together, so a package"
                  + " that used them would depend on every other"
                  + SEE);

  @ArchTest
  static final ArchRule THE_MARKER_PACKAGE_IMPORTS_NOTHING =
      noClasses()
          .that()
          .resideInAPackage(PORTAL + ".architecture..")
          .should()
          .dependOnClassesThat(
              JavaClass.Predicates.resideInAPackage(PORTAL + "..")
                  .and(JavaClass.Predicates.resideOutsideOfPackage(PORTAL + ".architecture..")))
          .because("every package may use the @FeatureInterface marker, so it may use none" + SEE);

  /** The rules in the order above, for the test that plants a violation of each. */
  static final List<ArchRule> RULES =
      List.of(
          NO_CYCLES,
          CORE_IGNORES_FEATURES,
          CORE_LAYERS,
          FEATURES_USE_EACH_OTHER_THROUGH_INTERFACES,
          SITE_MODULE_STANDS_ALONE,
          EVERY_PACKAGE_IS_PLACED,
          NOTHING_USES_THE_ROOT,
          THE_MARKER_PACKAGE_IMPORTS_NOTHING);

  /** The root package, the marker package, the core and the features. */
  private static String[] placed() {
    List<String> placed = new java.util.ArrayList<>(List.of(PORTAL, PORTAL + ".architecture.."));
    placed.addAll(List.of(packages(CORE)));
    placed.addAll(List.of(packages(FEATURES.keySet())));
    return placed.toArray(String[]::new);
  }

  private static String[] packages(java.util.Collection<String> names) {
    return names.stream().map(name -> PORTAL + "." + name + "..").toArray(String[]::new);
  }

  /** The portal package a class belongs to: {@code plan} for {@code cn.qingtian.portal.plan.X}. */
  static Optional<String> portalPackage(JavaClass type) {
    String name = type.getPackageName();
    if (!name.startsWith(PORTAL + ".")) {
      return Optional.empty();
    }
    return Optional.of(name.substring(PORTAL.length() + 1).split("\\.")[0]);
  }

  private static boolean declaredInterface(JavaClass type) {
    for (Optional<JavaClass> t = Optional.of(type);
        t.isPresent();
        t = t.get().getEnclosingClass()) {
      if (t.get().isAnnotatedWith(FeatureInterface.class)) {
        return true;
      }
    }
    return false;
  }

  private static ArchCondition<JavaClass>
      useOtherFeaturesOnlyThroughTheirInterfacesInTheListedDirections() {
    return new ArchCondition<>(
        "use another feature only in a listed direction and only through its @FeatureInterface"
            + " types") {
      @Override
      public void check(JavaClass origin, ConditionEvents events) {
        String from = portalPackage(origin).orElseThrow();
        for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
          JavaClass target = dependency.getTargetClass().getBaseComponentType();
          Optional<String> to = portalPackage(target).filter(FEATURES::containsKey);
          if (to.isEmpty() || to.get().equals(from)) {
            continue;
          }
          if (!FEATURES.get(from).contains(to.get())) {
            events.add(
                SimpleConditionEvent.violated(
                    dependency,
                    from
                        + " may not use "
                        + to.get()
                        + " (allowed: "
                        + Arrays.toString(FEATURES.get(from).stream().sorted().toArray())
                        + "): "
                        + dependency.getDescription()));
          } else if (!declaredInterface(target)) {
            events.add(
                SimpleConditionEvent.violated(
                    dependency,
                    target.getName()
                        + " is not a @FeatureInterface of "
                        + to.get()
                        + ": "
                        + dependency.getDescription()));
          }
        }
      }
    };
  }
}
