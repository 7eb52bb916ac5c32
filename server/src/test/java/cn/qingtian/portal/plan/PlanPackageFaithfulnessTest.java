package cn.qingtian.portal.plan;

import static java.util.stream.Collectors.toList;
import static org.assertj.core.api.Assertions.assertThat;

import cn.qingtian.portal.dataset.PackageFixture;
import cn.qingtian.portal.dataset.PackageValidator;
import cn.qingtian.portal.dataset.Row;
import cn.qingtian.portal.dataset.Table;
import cn.qingtian.portal.dataset.ValidatedPackage;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The data package against the document it comes from (decision D3): every text copied from the
 * document is in it, every numbered item is there once, every measure has exactly the 责任单位 its
 * paragraph lists, in order, and no unit the portal assigns is passed off as the document's.
 */
class PlanPackageFaithfulnessTest {

  private static ValidatedPackage data;
  private static String document;

  @BeforeAll
  static void read() throws Exception {
    data = PackageValidator.validate(PackageFixture.BUNDLED).valid().orElseThrow();
    document =
        normalize(
            Files.readString(
                PackageFixture.BUNDLED.resolve("document/qingtian-kzt-2021-2025.txt")));
  }

  /** D3: page-break splits joined, other runs of white space collapsed to one space. */
  static String normalize(String text) {
    String joined =
        Pattern.compile("(?<=[^\\x00-\\x7F])\\s*\\n\\s*(?=[^\\x00-\\x7F])")
            .matcher(text)
            .replaceAll("");
    return joined.replaceAll("\\s+", " ");
  }

  @Test
  void everyTextAndQuoteStandsInTheDocumentAsPrinted() {
    Map<String, List<String>> copied =
        Map.of(
            "principles", List.of("title_zh", "text_zh"),
            "areas", List.of("text_zh"),
            "sections", List.of("title_zh", "intro_zh"),
            "target_groups", List.of("title_zh"),
            "measures", List.of("title_zh", "text_zh"),
            "target_quotes", List.of("quote_zh"));
    int checked = 0;
    for (var entry : copied.entrySet()) {
      Table table = table(entry.getKey());
      for (String field : entry.getValue()) {
        int index = table.schema().indexOf(field);
        for (Row row : table.rows()) {
          Object value = row.get(index);
          if (value != null) {
            assertThat(document)
                .as("%s row %d %s", table.name(), row.number(), field)
                .contains((String) value);
            checked++;
          }
        }
      }
    }
    assertThat(checked).as("texts checked").isGreaterThanOrEqualTo(220);
  }

  @Test
  void everyNumberedItemOfTheDocumentIsAMeasure() {
    List<String> codes = column("measures", "code");
    assertThat(codes).hasSize(54).doesNotHaveDuplicates();
    for (int i = 1; i <= 26; i++) {
      assertThat(codes).contains("P%02d".formatted(i));
    }
    for (int i = 1; i <= 23; i++) {
      assertThat(codes).contains("G%02d".formatted(i));
    }
    assertThat(codes).contains("S1", "S2", "S3", "S4", "S5");
  }

  @Test
  void everyMeasureHasExactlyTheUnitsItsParagraphLists() {
    Map<String, String> nameOf =
        table("departments").rows().stream()
            .collect(Collectors.toMap(r -> (String) r.get(0), r -> (String) r.get(1)));
    Map<String, List<Row>> unitsOf =
        table("measure_departments").rows().stream()
            .sorted(Comparator.comparing((Row r) -> (Long) r.get(2)))
            .collect(Collectors.groupingBy(r -> (String) r.get(1), TreeMap::new, toList()));
    String printed = document.replace("**", "");
    // The parenthesis right after a measure's text; one unit name holds a parenthesis of its own.
    Pattern list = Pattern.compile(" ?[（(〔]责任单位[：:]((?:经合中心（招商中心）|[^）)〕])+)[）)〕]");
    int measuresWithList = 0;
    int rows = 0;
    for (Row measure : table("measures").rows()) {
      String code = (String) measure.get(1);
      String text = (String) measure.get(table("measures").schema().indexOf("text_zh"));
      int at = printed.indexOf(text);
      assertThat(at).as("%s text in the document", code).isNotNegative();
      Matcher matcher = list.matcher(printed).region(at + text.length(), printed.length());
      List<String> expected =
          matcher.lookingAt()
              ? Arrays.asList(matcher.group(1).replaceAll("\\s", "").split("、"))
              : List.of();
      List<Row> ours = unitsOf.getOrDefault(code, List.of());
      assertThat(ours.stream().map(r -> nameOf.get((String) r.get(3))).toList())
          .as("责任单位 of %s, in the document's order", code)
          .containsExactlyElementsOf(expected);
      assertThat(ours.stream().map(r -> (Long) r.get(2)).toList())
          .as("positions of %s count from 1 without gaps", code)
          .isEqualTo(LongStream.rangeClosed(1, ours.size()).boxed().toList());
      measuresWithList += expected.isEmpty() ? 0 : 1;
      rows += ours.size();
    }
    assertThat(measuresWithList).isEqualTo(49);
    assertThat(rows).as("rows of measure_departments.csv").isEqualTo(145);
  }

  @Test
  void theOnlyUnitTheDocumentDoesNotListIsTheStatisticsBureauThePortalAssigns() {
    List<String> listed = column("measure_departments", "department");
    assertThat(column("departments", "code").stream().filter(c -> !listed.contains(c)))
        .containsExactly("STATS");
    assertThat(document).doesNotContain("统计局");
    assertThat(column("indicators", "statistical_unit")).contains("STATS");
  }

  private static Table table(String name) {
    return data.tables().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
  }

  private static List<String> column(String tableName, String field) {
    Table table = table(tableName);
    int index = table.schema().indexOf(field);
    return table.rows().stream().map(r -> (String) r.get(index)).toList();
  }
}
