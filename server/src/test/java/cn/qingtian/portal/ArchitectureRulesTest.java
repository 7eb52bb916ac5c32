package cn.qingtian.portal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qingtian.portal.achievement.archfixture.UsesDeclared;
import cn.qingtian.portal.achievement.archfixture.UsesUndeclared;
import cn.qingtian.portal.api.archfixture.ApiUsesRoot;
import cn.qingtian.portal.api.archfixture.CycleA;
import cn.qingtian.portal.architecture.archfixture.MarkerUsesPlan;
import cn.qingtian.portal.indicator.archfixture.Declared;
import cn.qingtian.portal.indicator.archfixture.Undeclared;
import cn.qingtian.portal.operations.archfixture.OperationsUsesRelease;
import cn.qingtian.portal.plan.Plan;
import cn.qingtian.portal.plan.archfixture.PlanUsesIndicator;
import cn.qingtian.portal.release.Release;
import cn.qingtian.portal.release.archfixture.CycleB;
import cn.qingtian.portal.unplaced.archfixture.Unplaced;
import cn.qingtian.portal.web.archfixture.WebUsesPlan;
import cn.qingtian.site.archfixture.SiteUsesPortal;
import cn.qingtian.site.archfixture.SiteUsesSpring;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each rule of {@link ArchitectureTest} fails on a violation planted for it: the classes in the
 * {@code archfixture} packages under src/test (which ArchitectureTest does not import), evaluated
 * here by the same rule objects. A rule that stopped seeing its violation would pass on anything.
 */
class ArchitectureRulesTest {

  @Test
  void everyRuleHasAPlantedViolationHere() {
    assertThat(ArchitectureTest.RULES).hasSize(8);
  }

  @Test
  void aCycleBetweenPackagesIsReported() {
    assertThat(violations(ArchitectureTest.NO_CYCLES, CycleA.class, CycleB.class))
        .anySatisfy(
            line ->
                assertThat(line).contains("Cycle detected").contains("api").contains("release"));
  }

  @Test
  void aCorePackageUsingAFeatureIsReported() {
    assertThat(violations(ArchitectureTest.CORE_IGNORES_FEATURES, WebUsesPlan.class, Plan.class))
        .anySatisfy(line -> assertThat(line).contains(WebUsesPlan.class.getName() + ".plan"));
  }

  @Test
  void aCoreLayerUsingOneAboveItIsReported() {
    assertThat(violations(ArchitectureTest.CORE_LAYERS, OperationsUsesRelease.class, Release.class))
        .anySatisfy(
            line ->
                assertThat(line)
                    .contains(OperationsUsesRelease.class.getName() + ".release")
                    .contains(Release.class.getName()));
  }

  @Test
  void aFeatureUsingAnUndeclaredTypeOfAnotherIsReported() {
    assertThat(
            violations(
                ArchitectureTest.FEATURES_USE_EACH_OTHER_THROUGH_INTERFACES,
                UsesUndeclared.class,
                Undeclared.class))
        .anySatisfy(
            line ->
                assertThat(line)
                    .contains(Undeclared.class.getName() + " is not a @FeatureInterface"));
  }

  @Test
  void aFeatureUsingAnotherInAnUnlistedDirectionIsReported() {
    assertThat(
            violations(
                ArchitectureTest.FEATURES_USE_EACH_OTHER_THROUGH_INTERFACES,
                PlanUsesIndicator.class,
                Declared.class))
        .anySatisfy(line -> assertThat(line).contains("plan may not use indicator"));
  }

  @Test
  void aFeatureUsingADeclaredTypeInAListedDirectionPasses() {
    assertThat(
            evaluate(
                    ArchitectureTest.FEATURES_USE_EACH_OTHER_THROUGH_INTERFACES,
                    UsesDeclared.class,
                    Declared.class,
                    Declared.Part.class)
                .hasViolation())
        .isFalse();
  }

  @Test
  void theSiteModuleUsingTheServerOrSpringIsReported() {
    List<String> violations =
        violations(
            ArchitectureTest.SITE_MODULE_STANDS_ALONE, SiteUsesPortal.class, SiteUsesSpring.class);
    assertThat(violations)
        .anySatisfy(line -> assertThat(line).contains(SiteUsesPortal.class.getName()))
        .anySatisfy(
            line ->
                assertThat(line)
                    .contains(SiteUsesSpring.class.getName())
                    .contains("org.springframework"));
  }

  @Test
  void aPackageOutsideTheMapIsReported() {
    assertThat(violations(ArchitectureTest.EVERY_PACKAGE_IS_PLACED, Unplaced.class))
        .anySatisfy(line -> assertThat(line).contains(Unplaced.class.getName()));
  }

  @Test
  void aPackageUsingTheRootIsReported() {
    assertThat(
            violations(
                ArchitectureTest.NOTHING_USES_THE_ROOT, ApiUsesRoot.class, PortalCommandLine.class))
        .anySatisfy(
            line ->
                assertThat(line)
                    .contains(ApiUsesRoot.class.getName())
                    .contains(PortalCommandLine.class.getName()));
  }

  @Test
  void theMarkerPackageUsingAnotherIsReported() {
    assertThat(
            violations(
                ArchitectureTest.THE_MARKER_PACKAGE_IMPORTS_NOTHING,
                MarkerUsesPlan.class,
                Plan.class))
        .anySatisfy(line -> assertThat(line).contains(MarkerUsesPlan.class.getName()));
  }

  @Test
  void aFailureSendsTheReaderToTheMap() {
    EvaluationResult result =
        evaluate(ArchitectureTest.CORE_IGNORES_FEATURES, WebUsesPlan.class, Plan.class);
    assertThat(result.getFailureReport().toString()).contains("docs/architecture.md");
  }

  private static List<String> violations(ArchRule rule, Class<?>... planted) {
    EvaluationResult result = evaluate(rule, planted);
    assertThat(result.hasViolation()).as("%s reports the planted violation", rule).isTrue();
    return result.getFailureReport().getDetails();
  }

  private static EvaluationResult evaluate(ArchRule rule, Class<?>... planted) {
    JavaClasses classes = new ClassFileImporter().importClasses(planted);
    return rule.evaluate(classes);
  }
}
