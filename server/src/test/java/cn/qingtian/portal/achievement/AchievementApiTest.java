package cn.qingtian.portal.achievement;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qingtian.portal.ApiIntegrationTest;
import cn.qingtian.portal.DatabaseTest;
import cn.qingtian.portal.SharedDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * Achievements over HTTP: filters, paging newest first, real figures kept as context, the
 * measure-level targets they count toward, and department scorecards.
 */
@ApiIntegrationTest
@DatabaseTest
class AchievementApiTest extends SharedDatabase {

  private static final ParameterizedTypeReference<Map<String, Object>> MAP =
      new ParameterizedTypeReference<>() {};

  @Autowired HttpGraphQlTester graphQl;

  @Test
  void filtersByMeasureTargetGroupDepartmentAndPeriod() {
    assertThat(codes("measure: \"G01\""))
        .containsExactly(
            "DEMO_ACH_SKILL_MASTER_STUDIOS_NEW_2024",
            "DEMO_ACH_SKILL_MASTER_STUDIOS_NEW_2023",
            "DEMO_ACH_SKILL_MASTER_STUDIOS_NEW_2022",
            "DEMO_ACH_SKILL_MASTER_STUDIOS_NEW_2021");
    var measurePage =
        graphQl
            .document(
                "{ measure(code: \"G01\") { achievements(first: 2) { totalCount"
                    + " pageInfo { hasNextPage } nodes { code } } } }")
            .execute();
    measurePage.path("measure.achievements.totalCount").entity(Integer.class).isEqualTo(4);
    measurePage
        .path("measure.achievements.pageInfo.hasNextPage")
        .entity(Boolean.class)
        .isEqualTo(true);
    measurePage
        .path("measure.achievements.nodes[*].code")
        .entityList(String.class)
        .containsExactly(
            "DEMO_ACH_SKILL_MASTER_STUDIOS_NEW_2024", "DEMO_ACH_SKILL_MASTER_STUDIOS_NEW_2023");
    // TG1 is served by G01 (skill studios) and G03 (the coffee sector), among others
    assertThat(codes("targetGroup: \"TG1\""))
        .contains("DEMO_ACH_SKILL_MASTER_STUDIOS_NEW_2021", "QT_COFFEE_SECTOR_2023")
        .doesNotContain("QT_IMPORT_CITY_SALES_2018");
    assertThat(codes("period: \"2018\"")).containsExactly("QT_IMPORT_CITY_SALES_2018");
    assertThat(codes("measure: \"P01\", period: \"2019/2023\""))
        .containsExactly("QT_IMPORT_CITY_CUMULATIVE_2023");
    List<Map<String, Object>> byHrss =
        graphQl
            .document("{ achievements(department: \"HRSS\") { nodes { departments { code } } } }")
            .execute()
            .path("achievements.nodes")
            .entityList(MAP)
            .get();
    assertThat(byHrss)
        .isNotEmpty()
        .allSatisfy(a -> assertThat(a.get("departments").toString()).contains("HRSS"));
  }

  @Test
  void aBadPeriodIsExplained() {
    graphQl
        .document("{ achievements(period: \"2023/2021\") { totalCount } }")
        .execute()
        .errors()
        .satisfy(
            errors ->
                assertThat(errors)
                    .singleElement()
                    .satisfies(
                        e -> assertThat(e.getMessage()).contains("period ends before it starts")));
    graphQl
        .document("{ achievements(period: \"last year\") { totalCount } }")
        .execute()
        .errors()
        .satisfy(errors -> assertThat(errors).hasSize(1));
  }

  @Test
  void pagesNewestFirstWithoutGapsOrRepeats() {
    int total =
        graphQl
            .document("{ achievements { totalCount } }")
            .execute()
            .path("achievements.totalCount")
            .entity(Integer.class)
            .get();
    List<String> dates = new ArrayList<>();
    List<String> codes = new ArrayList<>();
    String after = null;
    boolean more = true;
    while (more) {
      var page =
          graphQl
              .document(
                  "query($after: String) { achievements(first: 10, after: $after) {"
                      + " pageInfo { endCursor hasNextPage } nodes { code date } } }")
              .variable("after", after)
              .execute();
      for (Map<String, Object> node : page.path("achievements.nodes").entityList(MAP).get()) {
        codes.add((String) node.get("code"));
        dates.add((String) node.get("date"));
      }
      after = page.path("achievements.pageInfo.endCursor").entity(String.class).get();
      more = page.path("achievements.pageInfo.hasNextPage").entity(Boolean.class).get();
    }
    assertThat(total).isEqualTo(41);
    assertThat(codes).hasSize(total).doesNotHaveDuplicates();
    assertThat(dates).isSortedAccordingTo(java.util.Comparator.reverseOrder());
  }

  @Test
  void realFiguresWhoseDefinitionDiffersAreContextNotProgress() {
    Map<String, Object> city =
        graphQl
            .document(
                "{ achievement(code: \"QT_IMPORT_CITY_CUMULATIVE_2023\") { id provenance"
                    + " source { url } outputs { comparator value counts indicator { code } } } }")
            .execute()
            .path("achievement")
            .entity(MAP)
            .get();
    assertThat(city.get("provenance")).isEqualTo("SECONDARY");
    assertThat(city.get("source").toString()).contains("chinadaily.com.cn");
    assertThat(city.get("outputs").toString())
        .contains("comparator=GT, value=1.7E10, counts=CONTEXT")
        .contains("IMPORTED_GOODS_AND_EXPORTED_AGRI_PRODUCTS_SALES");
    // … so the 100亿元 target is not judged on it.
    graphQl
        .document(
            "{ indicator(code: \"IMPORTED_GOODS_AND_EXPORTED_AGRI_PRODUCTS_SALES\") {"
                + " observations { nodes { value source { code } } } } }")
        .execute()
        .path("indicator.observations.nodes[*].source.code")
        .entityList(String.class)
        .satisfies(sources -> assertThat(sources).doesNotContain("PORTAL_ACHIEVEMENTS"));

    graphQl
        .document("query($id: ID!) { node(id: $id) { ... on Achievement { code } } }")
        .variable("id", city.get("id"))
        .execute()
        .path("node.code")
        .entity(String.class)
        .isEqualTo("QT_IMPORT_CITY_CUMULATIVE_2023");
  }

  @Test
  void aMeasureLevelTargetIsJudgedOnTheYearlySumOfItsAchievements() {
    List<Map<String, Object>> outputs =
        graphQl
            .document(
                "{ achievements(measure: \"G10\") { nodes { year provenance"
                    + " outputs { value counts indicator { code } } } } }")
            .execute()
            .path("achievements.nodes")
            .entityList(MAP)
            .get();
    Map<String, Double> expected = new TreeMap<>();
    for (Map<String, Object> achievement : outputs) {
      for (Object o : (List<?>) achievement.get("outputs")) {
        Map<?, ?> output = (Map<?, ?>) o;
        if ("PROGRESS".equals(output.get("counts"))
            && output.get("indicator").toString().contains("NEW_DOCTORAL_TALENTS")) {
          expected.merge(
              achievement.get("year").toString(),
              ((Number) output.get("value")).doubleValue(),
              Double::sum);
        }
      }
    }
    assertThat(expected).isNotEmpty();

    List<Map<String, Object>> observations =
        graphQl
            .document(
                "{ indicator(code: \"NEW_DOCTORAL_TALENTS\") { observations { nodes { period value"
                    + " provenance source { code } } } } }")
            .execute()
            .path("indicator.observations.nodes")
            .entityList(MAP)
            .get();
    Map<String, Double> observed = new TreeMap<>();
    for (Map<String, Object> observation : observations) {
      observed.put((String) observation.get("period"), (Double) observation.get("value"));
      assertThat(observation.get("provenance")).isEqualTo("DEMO");
      assertThat(observation.get("source")).isEqualTo(Map.of("code", "PORTAL_ACHIEVEMENTS"));
    }
    assertThat(observed).isEqualTo(expected);

    Map<String, Object> target =
        graphQl
            .document(
                "{ measure(code: \"G10\") { targets { code progress { status summary provenance } } } }")
            .execute()
            .path("measure.targets[?(@.code == 'NEW_DOCTORAL_TALENTS_CUMULATIVE')]")
            .entityList(MAP)
            .get()
            .get(0);
    Map<?, ?> progress = (Map<?, ?>) target.get("progress");
    assertThat(progress.get("status")).isNotEqualTo("INSUFFICIENT_DATA");
    assertThat(progress.get("provenance")).isEqualTo("DEMO");
    int sum = (int) Math.round(expected.values().stream().mapToDouble(Double::doubleValue).sum());
    assertThat(progress.get("summary").toString()).contains(Integer.toString(sum));
  }

  @Test
  void aScorecardShowsMeasuresAchievementsTargetsAndLastUpdate() {
    Map<String, Object> card =
        graphQl
            .document(
                "{ department(code: \"HRSS\") { scorecard { measures { code }"
                    + " targets { code } progress { total }"
                    + " achievementCount lastUpdate achievements(first: 1) { totalCount nodes { date } } } } }")
            .execute()
            .path("department.scorecard")
            .entity(MAP)
            .get();
    // Every measure whose 责任单位 name the unit, wherever it stands in the list.
    assertThat(card.get("measures").toString())
        .contains("code=P01")
        .contains("code=G01")
        .contains("code=G03")
        .doesNotContain("code=P13");
    Map<?, ?> achievements = (Map<?, ?>) card.get("achievements");
    assertThat(card.get("achievementCount")).isEqualTo(achievements.get("totalCount"));
    assertThat(card.get("lastUpdate"))
        .isEqualTo(((Map<?, ?>) ((List<?>) achievements.get("nodes")).get(0)).get("date"));
    assertThat(((Map<?, ?>) card.get("progress")).get("total"))
        .isEqualTo(((List<?>) card.get("targets")).size());
    assertThat(card.get("targets").toString()).contains("SKILL_MASTER_STUDIOS_NEW_CUMULATIVE");
  }

  private List<String> codes(String arguments) {
    return graphQl
        .document("{ achievements(" + arguments + ") { nodes { code } } }")
        .execute()
        .path("achievements.nodes[*].code")
        .entityList(String.class)
        .get();
  }
}
