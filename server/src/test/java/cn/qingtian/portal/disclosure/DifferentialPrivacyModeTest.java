package cn.qingtian.portal.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qingtian.portal.ApiIntegrationTest;
import cn.qingtian.portal.DatabaseTest;
import cn.qingtian.portal.TestDatabases;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/** With {@code portal.disclosure.epsilon} set, the income tables are noised, not suppressed. */
@ApiIntegrationTest
@TestPropertySource(properties = "portal.disclosure.epsilon=1/2")
@DatabaseTest
class DifferentialPrivacyModeTest {

  private static final String DATABASE = TestDatabases.newDatabaseUrl();

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("portal.database.url", () -> DATABASE);
  }

  @Autowired HttpGraphQlTester graphQl;

  @Test
  void everyCellIsPublishedAndTheReportKeepsTheBudgetLedger() {
    var response =
        graphQl
            .document(
                "{ disclosureReport { rules epsilonSpent epsilonSpentToDate tables { epsilon epsilonToDate"
                    + " primarySuppressed } }"
                    + " incomeDistribution(year: 2024) { cells { count suppressed reason } }"
                    + " incomeStatistics(year: 2024) { statistic value } }")
            .execute();
    // 5 tables and the township means, 5 years, ε = 0.5 each
    response.path("disclosureReport.epsilonSpent").entity(Double.class).isEqualTo(15.0);
    // The first release's draws are all new: the ledger to date is what it spent. The noise was
    // keyed by this database's secret (migration V14), read at import.
    response.path("disclosureReport.epsilonSpentToDate").entity(Double.class).isEqualTo(15.0);
    response
        .path("disclosureReport.rules")
        .entity(String.class)
        .satisfies(rules -> assertThat(rules).contains("HMAC-SHA256"));
    response
        .path("disclosureReport.rules")
        .entity(String.class)
        .satisfies(rules -> assertThat(rules).startsWith("differential privacy"));
    List<Map<String, Object>> cells =
        response
            .path("incomeDistribution.cells")
            .entityList(
                new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {})
            .get();
    assertThat(cells).hasSize(33 * 6);
    response
        .path("incomeStatistics[*].statistic")
        .entityList(String.class)
        .satisfies(kinds -> assertThat(kinds).hasSize(33).containsOnly("MEAN"));
    assertThat(cells)
        .allSatisfy(
            c -> {
              assertThat(c.get("suppressed")).isEqualTo(false);
              assertThat((Integer) c.get("count")).isNotNegative();
            });
  }
}
