package cn.qingtian.portal.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qingtian.portal.ApiIntegrationTest;
import cn.qingtian.portal.DatabaseTest;
import cn.qingtian.portal.SharedDatabase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * The protected income tables over HTTP: withheld cells say why, the report adds up, and the plan's
 * shares are computed from the published county counts.
 */
@ApiIntegrationTest
@DatabaseTest
class IncomeApiTest extends SharedDatabase {

  private static final ParameterizedTypeReference<Map<String, Object>> MAP =
      new ParameterizedTypeReference<>() {};

  @Autowired HttpGraphQlTester graphQl;

  @Test
  void withheldCellsCarryAReasonInsteadOfACountAndTheReportAddsUp() {
    List<Map<String, Object>> cells =
        graphQl
            .document(
                "{ incomeDistribution(year: 2023) { provenance cells { row column count suppressed reason } } }")
            .execute()
            .path("incomeDistribution.cells")
            .entityList(MAP)
            .get();
    assertThat(cells).hasSize(33 * 6);
    // One reason for every withheld cell: a specific one would narrow it
    // (docs/disclosure-control.md, attack finding 4).
    assertThat(cells).anyMatch(c -> c.get("reason") != null);
    assertThat(cells).allMatch(c -> c.get("reason") == null || "WITHHELD".equals(c.get("reason")));
    for (Map<String, Object> cell : cells) {
      assertThat(cell.get("suppressed")).isEqualTo(cell.get("count") == null);
      assertThat(cell.get("reason") == null).isEqualTo(cell.get("count") != null);
      if (cell.get("count") instanceof Integer count) {
        assertThat(count % 5).isZero();
        assertThat(count == 0 || count >= 10).isTrue();
      }
    }
    List<Map<String, Object>> report =
        graphQl
            .document(
                "{ disclosureReport { release rules tables { year table entries published withheld primarySuppressed secondarySuppressed auditPassed } } }")
            .execute()
            .path("disclosureReport.tables")
            .entityList(MAP)
            .get();
    assertThat(report).hasSize(5 * 5);
    for (Map<String, Object> table : report) {
      assertThat(table.get("auditPassed")).isEqualTo(true);
      assertThat((Integer) table.get("entries"))
          .isEqualTo((Integer) table.get("published") + (Integer) table.get("withheld"));
      // The split into primary and secondary is no longer told: it narrowed the cells.
      assertThat(table.get("secondarySuppressed")).isEqualTo(0);
    }
  }

  @Test
  void thePlansIncomeSharesAreComputedFromThePublishedCountyCounts() {
    List<Map<String, Object>> county =
        graphQl
            .document(
                "{ incomeDistribution(year: 2024, geography: \"_T\") { cells { column count } } }")
            .execute()
            .path("incomeDistribution.cells")
            .entityList(MAP)
            .get();
    Map<Object, Object> byColumn = new java.util.HashMap<>();
    county.forEach(c -> byColumn.put(c.get("column"), c.get("count")));
    double expected =
        Math.round(
                1000.0
                    * ((Integer) byColumn.get("FROM_20_TO_50")
                        + (Integer) byColumn.get("FROM_50_TO_60"))
                    / (Integer) byColumn.get("_T"))
            / 10.0;
    Map<String, Object> share =
        graphQl
            .document(
                "{ indicator(code: \"HOUSEHOLD_INCOME_200K_600K_SHARE\") { observations { nodes { period value provenance source { code } } } } }")
            .execute()
            .path("indicator.observations.nodes[?(@.period == '2024')]")
            .entityList(MAP)
            .get()
            .get(0);
    assertThat(share.get("value")).isEqualTo(expected);
    assertThat(share.get("provenance")).isEqualTo("DEMO");
    assertThat(share.get("source")).isEqualTo(Map.of("code", "PORTAL_INCOME_TABLES"));
  }

  @Test
  void meansAndMediansAreRoundedAndWithheldWhereTheCountIs() {
    List<Map<String, Object>> statistics =
        graphQl
            .document(
                "{ incomeStatistics(year: 2024) { row rowName statistic value suppressed reason provenance } }")
            .execute()
            .path("incomeStatistics")
            .entityList(MAP)
            .get();
    assertThat(statistics).hasSize(33 * 2);
    List<Map<String, Object>> totals =
        graphQl
            .document("{ incomeDistribution(year: 2024) { cells { row column count } } }")
            .execute()
            .path("incomeDistribution.cells[?(@.column == '_T')]")
            .entityList(MAP)
            .get();
    for (Map<String, Object> statistic : statistics) {
      assertThat(statistic.get("provenance")).isEqualTo("DEMO");
      if (statistic.get("value") instanceof Double value) {
        assertThat(value % (statistic.get("statistic").equals("MEAN") ? 100 : 1000)).isZero();
      } else {
        assertThat(statistic.get("reason")).isNotNull();
      }
      boolean countWithheld =
          totals.stream()
              .anyMatch(t -> t.get("row").equals(statistic.get("row")) && t.get("count") == null);
      if (countWithheld) {
        assertThat(statistic.get("suppressed")).isEqualTo(true);
      }
    }
    assertThat(statistics).anyMatch(s -> s.get("value") == null);
  }

  @Test
  void badArgumentsAreExplained() {
    graphQl
        .document("{ incomeDistribution(year: 1800) { year } }")
        .execute()
        .errors()
        .satisfy(
            e ->
                assertThat(e)
                    .singleElement()
                    .satisfies(x -> assertThat(x.getMessage()).contains("year is between")));
    graphQl
        .document("{ incomeDistribution(year: 2023, geography: \"HH0000001\") { year } }")
        .execute()
        .errors()
        .satisfy(e -> assertThat(e).hasSize(1));
  }
}
