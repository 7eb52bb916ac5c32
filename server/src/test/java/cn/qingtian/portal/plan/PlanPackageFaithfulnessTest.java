package cn.qingtian.portal.plan;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qingtian.portal.dataset.PackageFixture;
import cn.qingtian.portal.dataset.PackageValidator;
import cn.qingtian.portal.dataset.Row;
import cn.qingtian.portal.dataset.Table;
import cn.qingtian.portal.dataset.ValidatedPackage;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The data package against the document it comes from (decision D3): every text copied from the
 * document is in it, every numbered item is there once, every 责任单位 list is kept in order.
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
  void keepsEveryResponsibleUnitListInTheDocumentsOrder() {
    Map<String, String> nameOf =
        table("departments").rows().stream()
            .collect(Collectors.toMap(r -> (String) r.get(0), r -> (String) r.get(1)));
    Map<String, String> units =
        table("measure_departments").rows().stream()
            .sorted(
                java.util.Comparator.comparing((Row r) -> (String) r.get(1))
                    .thenComparing(r -> (Long) r.get(2)))
            .collect(
                Collectors.groupingBy(
                    r -> (String) r.get(1),
                    java.util.TreeMap::new,
                    Collectors.mapping(
                        r -> nameOf.get((String) r.get(3)), Collectors.joining("、"))));
    String nested = "经合中心（招商中心）";
    Matcher lists =
        Pattern.compile("[（(〔]责任单位[：:](.+?)[）)〕]")
            .matcher(document.replace("**", "").replace(nested, "\u0000"));
    int found = 0;
    while (lists.find()) {
      String printed = lists.group(1).replaceAll("\\s", "").replace("\u0000", nested);
      assertThat(units.values()).as("责任单位 list %s", printed).contains(printed);
      found++;
    }
    assertThat(found).isEqualTo(49);
    assertThat(units).hasSize(49);
    assertThat(nameOf.values())
        .as("units named in the document")
        .containsAll(
            units.values().stream()
                .flatMap(list -> java.util.Arrays.stream(list.split("、")))
                .toList());
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
