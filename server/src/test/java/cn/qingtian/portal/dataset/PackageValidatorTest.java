package cn.qingtian.portal.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

  /**
   * A control character other than tab, CR and LF (docs/reliability.md, second-round finding E): it
   * was accepted, then silently dropped from XLSX downloads, and some are separators a spreadsheet
   * splits cells on. It is refused wherever it is, in text as in a number, with its code point.
   */
  @ParameterizedTest
  @ValueSource(
      chars = {
        '\u0001', '\u0008', '\u000B', '\u000C', '\u001B', '\u001C', '\u001F', '\u007F', '\u0085',
        '\u009F'
      })
  void refusesAControlCharacterInTextOrNumberWithItsCodePoint(char control) {
    String code = String.format("U+%04X", (int) control);
    PackageFixture broken =
        PackageFixture.copyOfBundled(temp)
            .replace(
                "sources.csv",
                "County agriculture and rural affairs bureau's review",
                "County agriculture" + control + "and rural affairs bureau's review")
            .replace("plans.csv", ",2021,2025,COUNTY,", ",20" + control + "21,2025,COUNTY,");

    List<String> problems =
        PackageValidator.validate(broken.directory()).problems().stream()
            .map(Problem::toString)
            .toList();

    assertThat(problems)
        .anySatisfy(
            p ->
                assertThat(p)
                    .startsWith("sources.csv:2:7: ")
                    .contains("控制字符 " + code, "control character " + code, "character 19")
                    .contains("County agriculture<" + code + ">and"))
        .anySatisfy(
            p ->
                assertThat(p)
                    .startsWith("plans.csv:2:8: ")
                    .contains("控制字符 " + code, "control character " + code));
    assertThat(problems).as("one problem per cell, not a type error too").hasSize(2);
  }

  /** Tab, CR and LF inside text (not before a formula sign) stay valid. */
  @Test
  void acceptsTabAndLineBreaksInsideText() {
    PackageFixture fine =
        PackageFixture.copyOfBundled(temp)
            .replace(
                "sources.csv",
                "County agriculture and rural affairs bureau's review of 2016-2020.",
                "\"County agriculture\tand rural affairs\r\nbureau's review of 2016-2020.\"");

    assertThat(PackageValidator.validate(fine.directory()).problems()).isEmpty();
  }

  /** The descriptor's strings are input too: a control character in a title is refused. */
  @Test
  void refusesAControlCharacterInTheDescriptor() {
    PackageFixture broken =
        PackageFixture.copyOfBundled(temp)
            .edit(
                "datapackage.json",
                text -> text.replaceFirst("\"title\": \"", "\"title\": \"\\\\u000B"));

    assertThat(
            PackageValidator.validate(broken.directory()).problems().stream()
                .map(Problem::toString))
        .anySatisfy(
            p ->
                assertThat(p)
                    .startsWith("datapackage.json")
                    .contains("/title", "控制字符 U+000B", "control character U+000B"));
  }

  /** A version that is no text is named as such, not in the JSON library's internal words. */
  @Test
  void aVersionThatIsAnArrayIsNamedAsSuch() {
    PackageFixture broken =
        PackageFixture.copyOfBundled(temp)
            .edit(
                "datapackage.json",
                text -> text.replaceFirst("\"version\": \"1\\.6\\.0\"", "\"version\": [1, 6]"));

    assertThat(
            PackageValidator.validate(broken.directory()).problems().stream()
                .map(Problem::toString))
        .singleElement()
        .asString()
        .startsWith("datapackage.json")
        .contains("\"version\" must be a text value, not an array")
        .doesNotContain("ArrayNode", "asString");
  }
}
