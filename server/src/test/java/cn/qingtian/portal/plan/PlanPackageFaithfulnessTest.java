package cn.qingtian.portal.plan;

import static java.util.stream.Collectors.toList;
import static org.assertj.core.api.Assertions.assertThat;

import cn.qingtian.portal.dataset.PackageFixture;
import cn.qingtian.portal.dataset.PackageValidator;
import cn.qingtian.portal.dataset.Row;
import cn.qingtian.portal.dataset.Table;
import cn.qingtian.portal.dataset.ValidatedPackage;
import java.nio.file.Files;
import java.nio.file.Path;
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

  /**
   * Decision D26 (docs/decisions/0026-checkable-target.md) as far as words can show it: from 主要目标
   * on, every sentence that states a quantity (a number with a unit, 全覆盖, 清零, 倍增, 三分之二, 两位数) or
   * uses the document's milestone words (出台, 建成, 创成, 创建, 争创) is the quote of a target, unless it is
   * one of the sentences judged not to be a target (docs/data.md, "How a target is recognised",
   * says why).
   */
  @Test
  void everySentenceStatingAQuantityOrAMilestoneIsATargetOrAJudgedExclusion() {
    Pattern wording =
        Pattern.compile(
            "(?<![0-9.])(?!20[0-9]{2}\\s*年)[0-9]+(?:\\.[0-9]+)?\\s*(?:%|万|元|人|家|个|名|次|岁|年)"
                + "|全覆盖|清零|倍增|三分之二|两位数|出台|建成|创成|创建|争创");
    List<String> notTargets =
        List.of(
            "深化交投、水投、农旅投等7家县属国有企业收入分配制度改革。", // 7 counts the firms reformed
            "加强社保政策出台前风险研判", // any future policy, no thing to be done
            "全面建成布局合理、学段衔接、特普融合、医教结合的特殊教育体系", // a system: no record marks it built
            "完善3岁以下婴幼儿照护服务政策制度", // 3岁 is the scope
            "构建“2家县域医共体牵头医院", // 2家 describes a service model
            "健全文明城市创建长效机制"); // the designation is the target 创成全国文明城市
    List<String> quotes = column("target_quotes", "quote_zh");
    String body = document.substring(document.indexOf("（三）主要目标"));
    int stating = 0;
    for (String sentence : body.split("(?<=[。；])")) {
      if (!wording.matcher(sentence).find()) {
        continue;
      }
      stating++;
      String s = sentence.strip();
      boolean quoted = quotes.stream().anyMatch(q -> q.contains(s) || s.contains(q));
      boolean excluded = notTargets.stream().anyMatch(s::contains);
      assertThat(quoted || excluded).as("a target stated in: %s", s).isTrue();
      assertThat(quoted && excluded).as("quoted yet listed as no target: %s", s).isFalse();
    }
    assertThat(stating).as("sentences stating a quantity or a milestone").isGreaterThan(40);
  }

  @Test
  void theOverseasChineseMilestonesOfAreaA7AreTargetsWithTheirSentence() {
    String sentence =
        "深入实施新时代华侨要素回流工程，制定出台支持华侨回归创业创新等若干专项政策文件，"
            + "创建新时代美丽乡村“青田之窗”华侨文化示范村，加快未来社区、未来乡村建设，"
            + "探索共同富裕现代化基本单元建设有效路径。";
    for (String code :
        List.of(
            "OVERSEAS_CHINESE_RETURN_POLICY_DOCUMENTS_MILESTONE",
            "QINGTIAN_WINDOW_CULTURE_VILLAGE_MILESTONE")) {
      Row target = row("targets", "code", code);
      assertThat(target).as(code).isNotNull();
      assertThat(value(target, "targets", "kind"))
          .as("若干 is no number (D26)")
          .isEqualTo("MILESTONE");
      assertThat(value(target, "targets", "comparator")).isEqualTo("ACHIEVE");
      assertThat(value(target, "targets", "value")).isNull();
      assertThat(value(target, "targets", "target_year")).isEqualTo(2025L);
      List<Row> quotes =
          table("target_quotes").rows().stream()
              .filter(q -> code.equals(value(q, "target_quotes", "target")))
              .toList();
      assertThat(quotes).as("quotes of %s", code).hasSize(1);
      assertThat(value(quotes.get(0), "target_quotes", "area")).isEqualTo("A7");
      assertThat(value(quotes.get(0), "target_quotes", "quote_zh")).isEqualTo(sentence);
      Row indicator = row("indicators", "code", value(target, "targets", "indicator"));
      assertThat(value(indicator, "indicators", "area")).isEqualTo("A7");
    }
    assertThat(document).contains(sentence);
  }

  @Test
  void theReadmeAndTheDataGuideStateThePackagesCounts() throws Exception {
    Path root = PackageFixture.BUNDLED.getParent().getParent();
    int targets = table("targets").rows().size();
    assertThat(Files.readString(root.resolve("README.md")))
        .contains("every one of the plan's " + targets + " targets");
    String guide = Files.readString(root.resolve("docs/data.md"));
    for (String name : List.of("indicators", "targets", "target_quotes")) {
      assertThat(guide)
          .as("docs/data.md row of %s.csv", name)
          .contains("| `%s.csv` | %d |".formatted(name, table(name).rows().size()));
    }
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

  private static Object value(Row row, String tableName, String field) {
    return row.get(table(tableName).schema().indexOf(field));
  }

  private static Row row(String tableName, String field, Object key) {
    return table(tableName).rows().stream()
        .filter(r -> key.equals(value(r, tableName, field)))
        .findFirst()
        .orElse(null);
  }

  private static List<String> column(String tableName, String field) {
    Table table = table(tableName);
    int index = table.schema().indexOf(field);
    return table.rows().stream().map(r -> (String) r.get(index)).toList();
  }
}
