package cn.qingtian.portal.indicator;

import cn.qingtian.portal.dataset.ClosedSetAssertions;
import cn.qingtian.portal.dataset.ClosedSetAssertions.Cell;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The geography level is a Java enum: a package with another value in it is refused with the cell's
 * file:row:column, by the validator through the descriptor's {@code constraints.enum}, and at
 * import whatever the descriptor allows. Each case changes one cell (row 2) of a temp copy of
 * datasets/qingtian.
 */
class IndicatorClosedSetsTest {

  @TempDir Path temp;

  @ParameterizedTest
  @CsvSource({
    "geographies, level, geographies.csv, 'Zhejiang Province,PROVINCE,', PROVINCE, STATE, 4"
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
    "geographies, level, geographies.csv, 'Zhejiang Province,PROVINCE,', PROVINCE, STATE, 4"
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
        IndicatorClosedSets.SETS,
        new Cell(resource, field, file, context, known, unknown, column));
  }

  @Test
  void theBundledPackagesPassTheImportCheck() {
    ClosedSetAssertions.bundledPackagesPass(IndicatorClosedSets.SETS);
  }

  /** The descriptor's allowed values are exactly the enum's: neither can gain one alone. */
  @Test
  void theBundledDescriptorAllowsExactlyTheEnumConstants() {
    ClosedSetAssertions.descriptorAllowsExactlyTheEnumConstants(IndicatorClosedSets.SETS);
  }
}
