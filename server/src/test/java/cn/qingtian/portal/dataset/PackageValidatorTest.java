package cn.qingtian.portal.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The validator on the bundled package and on several problems at once. Each kind of broken input
 * on its own (encodings, BOMs, line ends, formula injection, sizes, headers, keys, types, dates,
 * resource paths, the descriptor) is a case of {@link BadPackageCorpusTest}.
 */
class PackageValidatorTest {

  @TempDir Path temp;

  @Test
  void acceptsTheBundledPackage() {
    Validation validation = PackageValidator.validate(PackageFixture.BUNDLED);
    assertThat(validation.problems()).isEmpty();
    assertThat(validation.isValid()).isTrue();
  }

  @Test
  void reportsEveryProblemWithFileRowAndColumnInChineseAndEnglish() {
    PackageFixture broken =
        PackageFixture.copyOfBundled(temp)
            // wrong type: period_start is an integer (plans.csv row 2, column 8)
            .replace("plans.csv", ",2021,2025,COUNTY,", ",二〇二一,2025,COUNTY,")
            // value outside its enum: level (plans.csv row 3, column 10)
            .replace("plans.csv", ",PROVINCE,330000,", ",TOWN,330000,")
            // pattern mismatch: measure codes are P01-P26, G01-G23, S1-S5 (measures.csv row 28)
            .replace("measures.csv", ",G01,GROUP,", ",X01,GROUP,")
            // dangling foreign key: an unknown unit (measure_departments.csv row 2, column 4)
            .replace("measure_departments.csv", "P01,1,HRSS\n", "P01,1,NOPE\n")
            // missing required value: name_zh of the first department (row 2, column 2)
            .replace("departments.csv", "HRSS,人力社保局,", "HRSS,,")
            // duplicate primary key: a second department coded HRSS
            .appendLine("departments.csv", "HRSS,人力社保局二,,,GOVERNMENT_BUREAU,");

    List<String> problems =
        PackageValidator.validate(broken.directory()).problems().stream()
            .map(Problem::toString)
            .toList();

    assertThat(problems)
        .anySatisfy(
            p -> assertThat(p).startsWith("plans.csv:2:8: ").contains("不是整数", "is not an integer"))
        .anySatisfy(
            p -> assertThat(p).startsWith("plans.csv:3:10: ").contains("TOWN", "is not one of"))
        .anySatisfy(
            p ->
                assertThat(p)
                    .startsWith("departments.csv:2:2: ")
                    .contains("缺少必填值", "required value missing"))
        .anySatisfy(
            p -> assertThat(p).startsWith("departments.csv:42:1: ").contains("duplicates row 2"))
        .anySatisfy(
            p -> assertThat(p).startsWith("measures.csv:28:2: ").contains("X01", "does not match"))
        .anySatisfy(
            p ->
                assertThat(p)
                    .startsWith("measure_departments.csv:2:4: ")
                    .contains("does not exist in departments.csv"));
  }
}
