package cn.qingtian.portal.plan;

import cn.qingtian.portal.dataset.ClosedSetAssertions;
import cn.qingtian.portal.dataset.ClosedSetAssertions.Cell;
import java.nio.file.Path;
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
    ClosedSetAssertions.refusedByTheValidator(
        temp, new Cell(resource, field, file, context, known, unknown, column));
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
    ClosedSetAssertions.refusedAtImport(
        temp,
        PlanClosedSets.SETS,
        new Cell(resource, field, file, context, known, unknown, column));
  }

  @Test
  void theBundledPackagesPassTheImportCheck() {
    ClosedSetAssertions.bundledPackagesPass(PlanClosedSets.SETS);
  }

  /** The descriptor's allowed values are exactly the enum's: neither can gain one alone. */
  @Test
  void theBundledDescriptorAllowsExactlyTheEnumConstants() {
    ClosedSetAssertions.descriptorAllowsExactlyTheEnumConstants(PlanClosedSets.SETS);
  }
}
