package cn.qingtian.portal.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.qingtian.portal.dataset.ClosedSetCheck;
import cn.qingtian.portal.dataset.ClosedSetCheck.ClosedSet;
import cn.qingtian.portal.dataset.DisclosureGate;
import cn.qingtian.portal.dataset.ImportRefusedException;
import cn.qingtian.portal.dataset.PackageFixture;
import cn.qingtian.portal.dataset.PackageValidator;
import cn.qingtian.portal.dataset.Problem;
import cn.qingtian.portal.dataset.PublishedTables;
import cn.qingtian.portal.dataset.Validation;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The plan's closed sets (target kind, comparator, plan level, measure kind) are Java enums: a
 * package with another value in one of them is refused with the cell's file:row:column, by the
 * validator through the descriptor's {@code constraints.enum}, and at import whatever the
 * descriptor allows. Each case changes one cell (row 2) of a temp copy of datasets/qingtian.
 */
class PlanClosedSetsTest {

  @TempDir Path temp;

  @ParameterizedTest
  @CsvSource({
    "targets, kind, targets.csv, 'DISPOSABLE_INCOME_PER_CAPITA,1,LEVEL,GE', LEVEL, WIDTH, 4",
    "targets, comparator, targets.csv, 'DISPOSABLE_INCOME_PER_CAPITA,1,LEVEL,GE', GE, AT_LEAST, 5",
    "plans, level, plans.csv, '2021,2025,COUNTY,331121', COUNTY, COUNTRY, 10",
    "measures, kind, measures.csv, 'qt-kzt-2021-2025,P01,PATH,1', PATH, ROAD, 3"
  })
  void anUnknownValueIsRefusedByTheValidatorWithItsFileRowAndColumn(
      String resource,
      String field,
      String file,
      String context,
      String known,
      String unknown,
      int column) {
    PackageFixture broken =
        PackageFixture.copyOfBundled(temp)
            .replace(file, context, context.replace("," + known, "," + unknown));

    assertThat(PackageValidator.validate(broken.directory()).problems())
        .map(Problem::toString)
        .singleElement()
        .satisfies(
            p ->
                assertThat(p)
                    .startsWith(file + ":2:" + column + ": ")
                    .contains("“" + field + "”", "“" + unknown + "”", "不在允许值", "is not one of"));
  }

  @ParameterizedTest
  @CsvSource({
    "targets, kind, targets.csv, 'DISPOSABLE_INCOME_PER_CAPITA,1,LEVEL,GE', LEVEL, WIDTH, 4",
    "targets, comparator, targets.csv, 'DISPOSABLE_INCOME_PER_CAPITA,1,LEVEL,GE', GE, AT_LEAST, 5",
    "plans, level, plans.csv, '2021,2025,COUNTY,331121', COUNTY, COUNTRY, 10",
    "measures, kind, measures.csv, 'qt-kzt-2021-2025,P01,PATH,1', PATH, ROAD, 3"
  })
  void anUnknownValueIsRefusedAtImportWhenTheDescriptorAllowsIt(
      String resource,
      String field,
      String file,
      String context,
      String known,
      String unknown,
      int column) {
    PackageFixture broken =
        PackageFixture.copyOfBundled(temp)
            .replace(file, context, context.replace("," + known, "," + unknown))
            .withoutEnumConstraint(resource, field);
    Validation validation = PackageValidator.validate(broken.directory());
    assertThat(validation.problems()).isEmpty();
    DisclosureGate gate = new DisclosureGate(List.of(new ClosedSetCheck(PlanClosedSets.SETS)));

    assertThatThrownBy(
            () -> gate.apply(validation.valid().orElseThrow().tables(), PublishedTables.NONE))
        .isInstanceOfSatisfying(
            ImportRefusedException.class,
            refused ->
                assertThat(refused.problems())
                    .map(Problem::toString)
                    .singleElement()
                    .satisfies(
                        p ->
                            assertThat(p)
                                .startsWith(file + ":2:" + column + ": ")
                                .contains("“" + unknown + "”", "is not one of")));
  }

  @Test
  void theBundledPackagesPassTheImportCheck() {
    Validation validation =
        PackageValidator.validate(List.of(PackageFixture.BUNDLED, PackageFixture.DEMO));
    DisclosureGate gate = new DisclosureGate(List.of(new ClosedSetCheck(PlanClosedSets.SETS)));

    assertThat(gate.apply(validation.valid().orElseThrow().tables(), PublishedTables.NONE).tables())
        .isNotEmpty();
  }

  /** The descriptor's allowed values are exactly the enum's: neither can gain one alone. */
  @Test
  void theBundledDescriptorAllowsExactlyTheEnumConstants() {
    for (ClosedSet set : PlanClosedSets.SETS) {
      assertThat(PackageFixture.enumOf(PackageFixture.BUNDLED, set.table(), set.column()))
          .as(set.table() + "." + set.column())
          .containsExactlyElementsOf(set.values());
    }
  }
}
