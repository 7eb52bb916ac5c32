package cn.qingtian.portal.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qingtian.portal.ApiIntegrationTest;
import cn.qingtian.portal.DatabaseTest;
import cn.qingtian.portal.SharedDatabase;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** Observations and progress over real HTTP and PostgreSQL, with the demo package imported. */
@ApiIntegrationTest
@DatabaseTest
class ProgressApiTest extends SharedDatabase {

  @Autowired HttpGraphQlTester graphQl;

  @Test
  void everyQuantifiedIndicatorHasAStatusAndEveryStatusAppears() {
    List<Map<String, Object>> indicators = indicators();
    Set<ProgressStatus> seen = EnumSet.noneOf(ProgressStatus.class);
    List<String> notAssessable = new ArrayList<>();
    for (Map<String, Object> indicator : indicators) {
      List<Map<String, Object>> targets = list(indicator.get("targets"));
      if (targets.isEmpty()) {
        assertThat(indicator.get("progress"))
            .as("context indicator %s", indicator.get("code"))
            .isNull();
        continue;
      }
      assertThat(indicator.get("progress")).as("headline of %s", indicator.get("code")).isNotNull();
      for (Map<String, Object> target : targets) {
        Map<String, Object> progress = map(target.get("progress"));
        ProgressStatus status = ProgressStatus.valueOf((String) progress.get("status"));
        seen.add(status);
        assertThat((String) progress.get("summary"))
            .as("summary of %s", target.get("code"))
            .isNotBlank();
        assertThat((String) progress.get("reasonEn")).isNotBlank();
        if (status == ProgressStatus.NOT_ASSESSABLE) {
          notAssessable.add((String) target.get("code"));
        }
      }
    }
    assertThat(seen).containsAll(EnumSet.allOf(ProgressStatus.class));
    assertThat(notAssessable).containsExactly("LOW_INCOME_FARM_HOUSEHOLD_INCOME_DOUBLING");
  }

  @Test
  void aStatusBuiltOnDemoValuesIsLabelledDemo() {
    for (Map<String, Object> indicator : indicators()) {
      Map<String, Object> latest = map(indicator.get("latest"));
      Map<String, Object> headline = map(indicator.get("progress"));
      if (latest != null
          && "DEMO".equals(latest.get("provenance"))
          && headline != null
          && !"NOT_ASSESSABLE".equals(headline.get("status"))) {
        assertThat(headline.get("provenance")).as("%s", indicator.get("code")).isEqualTo("DEMO");
      }
    }
  }

  @Test
  void showsObservationsWithTheirSourcesAndComparisonGeographies() {
    var response =
        graphQl
            .document(
                "{ indicator(code: \"DISPOSABLE_INCOME_PER_CAPITA\") {"
                    + " observations(provenance: DEMO) { totalCount nodes { period annual provenance } }"
                    + " comparison { geography { code name(lang: EN) } observations { period value"
                    + " provenance source { title publisher url } } } } }")
            .execute();
    response
        .path("indicator.observations.nodes[?(@.annual == false)].period")
        .entityList(String.class)
        .satisfies(
            periods -> assertThat(periods).singleElement().asString().endsWith("-01-01/P9M"));
    response
        .path("indicator.comparison[0].geography.code")
        .entity(String.class)
        .isEqualTo("331100");
    response
        .path("indicator.comparison[0].geography.name")
        .entity(String.class)
        .isEqualTo("Lishui City");
    response
        .path("indicator.comparison[0].observations[*].value")
        .entityList(Double.class)
        .containsExactly(42042.0, 47182.0);
    response
        .path("indicator.comparison[0].observations[0].provenance")
        .entity(String.class)
        .isEqualTo("SECONDARY");
    response
        .path("indicator.comparison[0].observations[0].source.url")
        .entity(String.class)
        .isEqualTo("https://zhejiang.chinadaily.com.cn/lishui/2022-01/19/c_700342.htm");
  }

  @Test
  void loadsTheRealQingtianFigureWithItsOfficialSource() {
    graphQl
        .document(
            "{ indicator(code: \"RURAL_DISPOSABLE_INCOME_PER_CAPITA\") {"
                + " observations(provenance: OFFICIAL) { nodes { period value status footnote(lang: EN)"
                + " source { publisher published } } } } }")
        .execute()
        .path("indicator.observations.nodes[0]")
        .entity(Map.class)
        .satisfies(
            o -> {
              assertThat(o.get("period")).isEqualTo("2019");
              assertThat(o.get("value")).isEqualTo(25222.0);
              assertThat(o.get("footnote")).isEqualTo("Up 10.5% on the previous year.");
              assertThat(map(o.get("source"))).containsEntry("published", "2020-11-13");
            });
  }

  @Test
  void rollsProgressUpToPlanAreasMeasuresGroupsAndDepartments() {
    var response = graphQl.documentName("rollups").execute();
    Map<String, Object> evaluation = response.path("plan.finalEvaluation").entity(MAP).get();
    int total = (Integer) evaluation.get("total");
    assertThat(total).isEqualTo(86);
    assertThat(
            (Integer) evaluation.get("achieved")
                + (Integer) evaluation.get("achievedAhead")
                + (Integer) evaluation.get("notAchieved")
                + (Integer) evaluation.get("projected")
                + (Integer) evaluation.get("cannotBeJudged"))
        .isEqualTo(total);
    assertThat(evaluation.get("provenance")).isEqualTo("DEMO");
    response
        .path("plan.progress.byStatus[*].count")
        .entityList(Integer.class)
        .satisfies(
            counts -> assertThat(counts.stream().mapToInt(Integer::intValue).sum()).isEqualTo(86));
    response.path("measure.progress.total").entity(Integer.class).isEqualTo(4);
    response
        .path("targetGroup.progress.total")
        .entity(Integer.class)
        .isEqualTo(6); // G12: 2, G13: 3, G14: 1 (民宿贷等特色信贷产品)
    response
        .path("department.progress.total")
        .entity(Integer.class)
        .satisfies(count -> assertThat(count).isGreaterThan(4));
  }

  @Test
  void filtersIndicatorsByStatusAndProvenance() {
    List<String> insufficient =
        graphQl
            .document(
                "{ indicators(status: INSUFFICIENT_DATA) { nodes { code progress { status } } } }")
            .execute()
            .path("indicators.nodes[*].progress.status")
            .entityList(String.class)
            .get();
    assertThat(insufficient).isNotEmpty().containsOnly("INSUFFICIENT_DATA");
    graphQl
        .document(
            "{ indicators(provenance: DEMO, status: ON_TRACK) { nodes { progress { status provenance } } } }")
        .execute()
        .path("indicators.nodes[*].progress.provenance")
        .entityList(String.class)
        .satisfies(p -> assertThat(p).isNotEmpty().containsOnly("DEMO"));
  }

  @Test
  void aStatusComputedFromNoObservationIsNoDataNeverOfficial() {
    var official =
        graphQl
            .document(
                "{ indicators(provenance: OFFICIAL, first: 100) {"
                    + " nodes { code observations { totalCount } progress { provenance } } } }")
            .execute()
            .path("indicators.nodes")
            .entityList(MAP)
            .get();
    for (Map<String, Object> indicator : official) {
      assertThat((Integer) map(indicator.get("observations")).get("totalCount"))
          .as("observations behind OFFICIAL %s", indicator.get("code"))
          .isPositive();
    }
    var noData =
        graphQl
            .document(
                "{ indicators(provenance: NO_DATA, first: 100) {"
                    + " nodes { code latest { period } progress { status provenance }"
                    + " targets { progress { provenance } } } } }")
            .execute()
            .path("indicators.nodes")
            .entityList(MAP)
            .get();
    assertThat(noData).isNotEmpty();
    for (Map<String, Object> indicator : noData) {
      assertThat(indicator.get("latest")).as("%s", indicator.get("code")).isNull();
      assertThat(map(indicator.get("progress")).get("status"))
          .isIn("INSUFFICIENT_DATA", "NOT_ASSESSABLE");
      assertThat(list(indicator.get("targets")))
          .allSatisfy(
              t -> assertThat(map(t.get("progress")).get("provenance")).isEqualTo("NO_DATA"));
    }
    // Counting targets without data beside DEMO ones leaves the plan's counts DEMO.
    graphQl
        .document("{ plan(code: \"qt-kzt-2021-2025\") { progress { provenance } } }")
        .execute()
        .path("plan.progress.provenance")
        .entity(String.class)
        .isEqualTo("DEMO");
  }

  @Test
  void aTargetMetBeforeItsTargetYearIsObservedIsAchievedAheadAndCountedApart() {
    var response = graphQl.documentName("rollups").execute();
    Map<String, Object> evaluation = response.path("plan.finalEvaluation").entity(MAP).get();
    List<Map<String, Object>> byStatus =
        response.path("plan.progress.byStatus").entityList(MAP).get();
    assertThat(evaluation.get("achievedAhead")).isEqualTo(count(byStatus, "ACHIEVED_AHEAD"));
    assertThat(evaluation.get("achieved")).isEqualTo(count(byStatus, "TARGET_ACHIEVED"));
    for (Map<String, Object> indicator : indicators()) {
      for (Map<String, Object> target : list(indicator.get("targets"))) {
        Map<String, Object> progress = map(target.get("progress"));
        Map<String, Object> latest = map(progress.get("latest"));
        int targetYear = (Integer) target.get("targetYear");
        String kind = (String) target.get("kind");
        if ("ACHIEVED_AHEAD".equals(progress.get("status"))) {
          assertThat((Integer) latest.get("year"))
              .as("%s", target.get("code"))
              .isLessThan(targetYear);
          assertThat(kind).isNotIn("CUMULATIVE_COUNT", "MILESTONE");
        }
        if ("TARGET_ACHIEVED".equals(progress.get("status"))
            && !kind.equals("CUMULATIVE_COUNT")
            && !kind.equals("MILESTONE")) {
          assertThat((Integer) latest.get("year"))
              .as("%s achieved only once its target year is observed", target.get("code"))
              .isGreaterThanOrEqualTo(targetYear);
        }
      }
    }
  }

  @Test
  void noSummaryAdvisesOnYearsThatHadPassedWhenTheReleaseWasPublished() {
    int releaseYear =
        Integer.parseInt(
            graphQl
                .document("{ currentRelease { publishedAt } }")
                .execute()
                .path("currentRelease.publishedAt")
                .entity(String.class)
                .get()
                .substring(0, 4));
    List<String> advising = new ArrayList<>();
    List<String> fractionalCounts = new ArrayList<>();
    for (Map<String, Object> indicator : indicators()) {
      for (Map<String, Object> target : list(indicator.get("targets"))) {
        Map<String, Object> progress = map(target.get("progress"));
        String zh = (String) progress.get("summary");
        String en = (String) progress.get("summaryEn");
        if ((Integer) target.get("targetYear") < releaseYear
            && (zh.matches(".*(还需|今后|预计为).*")
                || en.matches(".*(still needed|needs to|it would reach).*"))) {
          advising.add(target.get("code") + ": " + zh);
        }
        if (zh.matches(".*\\d\\.\\d+(个|人次|名|家|户).*")) {
          fractionalCounts.add(target.get("code") + ": " + zh);
        }
      }
    }
    assertThat(advising).isEmpty();
    assertThat(fractionalCounts).isEmpty();
  }

  private static int count(List<Map<String, Object>> byStatus, String status) {
    return byStatus.stream()
        .filter(c -> c.get("status").equals(status))
        .mapToInt(c -> (Integer) c.get("count"))
        .sum();
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static final Class<Map<String, Object>> MAP = (Class) Map.class;

  private List<Map<String, Object>> indicators() {
    return graphQl
        .documentName("progress")
        .execute()
        .path("indicators.nodes")
        .entityList(MAP)
        .get();
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(Object value) {
    return (List<Map<String, Object>>) value;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return (Map<String, Object>) value;
  }
}
