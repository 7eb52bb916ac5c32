package cn.qingtian.portal.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The whole disclosure step over several years of synthetic microdata. */
class DisclosureTest {

  private static final List<Household> HOUSEHOLDS =
      MicrodataGenerator.generate(MicrodataGenerator.SEED, 3_000, 2021, 3);
  private static final Disclosure.Result RESULT =
      Disclosure.run(HOUSEHOLDS, List.of(2021, 2022, 2023));

  @Test
  void everyTableOfEveryYearPassesTheAuditAndPublishesOnlySafeRoundedCounts() {
    assertThat(RESULT.reports()).hasSize(3 * Disclosure.TABLES.size());
    assertThat(RESULT.reports()).allMatch(Disclosure.TableReport::auditPassed);
    for (Disclosure.Cell cell : RESULT.cells()) {
      if (cell.count() == null) {
        assertThat(cell.reason()).isNotNull();
      } else {
        assertThat(cell.reason()).isNull();
        assertThat(cell.count() % 5).isZero();
        assertThat(cell.count())
            .satisfiesAnyOf(
                c -> assertThat(c).isZero(), c -> assertThat(c).isGreaterThanOrEqualTo(10));
      }
    }
  }

  @Test
  void sensitiveFlagsAreCrossedWithBracketsOnlyAtCountyLevel() {
    assertThat(
            RESULT.cells().stream()
                .filter(c -> List.of("LOW_INCOME_FARM", "DIBAO", "QIAOJUAN").contains(c.table()))
                .map(Disclosure.Cell::row)
                .distinct())
        .containsExactlyInAnyOrder("LOW_INCOME_FARM", "DIBAO", "QIAOJUAN", "_T");
  }

  @Test
  void theMarginsTheTownshipAndAreaTablesShareAgree() {
    for (int year = 2021; year <= 2023; year++) {
      Map<String, Long> township = margins(year, "TOWNSHIP");
      assertThat(township).containsKey("_T");
      assertThat(margins(year, "AREA")).isEqualTo(township);
    }
  }

  @Test
  void meansAndMediansNeedTenHouseholdsAPublishedCountAndNoDominantIncome() {
    long[] balanced = {
      90_000, 95_000, 100_000, 110_000, 120_000, 130_000, 140_000, 150_000, 160_000, 170_000,
      180_000
    };
    assertThat(IncomeStatistics.reason(balanced, false)).isNull();
    assertThat(IncomeStatistics.reason(java.util.Arrays.copyOf(balanced, 9), false))
        .isEqualTo(IncomeStatistics.Withheld.THRESHOLD);
    assertThat(IncomeStatistics.reason(balanced, true))
        .isEqualTo(IncomeStatistics.Withheld.COUNT_WITHHELD);
    long[] oneDominates = {
      1_000, 1_000, 1_000, 1_000, 1_000, 1_000, 1_000, 1_000, 1_000, 1_000, 100_000
    };
    assertThat(IncomeStatistics.reason(oneDominates, false))
        .isEqualTo(IncomeStatistics.Withheld.DOMINANCE);
    long[] twoDominate = {
      5_000, 5_000, 5_000, 5_000, 5_000, 5_000, 5_000, 5_000, 5_000, 45_000, 60_000
    };
    assertThat(IncomeStatistics.reason(twoDominate, false))
        .isEqualTo(IncomeStatistics.Withheld.DOMINANCE);

    for (IncomeStatistics.Figure figure : RESULT.statistics()) {
      if (figure.value() == null) {
        assertThat(figure.reason()).isNotNull();
        continue;
      }
      assertThat(figure.value() % (figure.statistic().equals("MEAN") ? 100 : 1_000)).isZero();
      long households =
          HOUSEHOLDS.stream()
              .filter(h -> h.year() == figure.year())
              .filter(h -> figure.row().equals("_T") || h.township().equals(figure.row()))
              .count();
      assertThat(households).isGreaterThanOrEqualTo(10);
      if (!figure.row().equals("_T")) {
        assertThat(
                RESULT.cells().stream()
                    .filter(c -> c.year() == figure.year() && c.table().equals("TOWNSHIP"))
                    .filter(c -> c.row().equals(figure.row()) && c.column().equals("_T"))
                    .findFirst()
                    .orElseThrow()
                    .count())
            .as("a mean is published only with its township's count")
            .isNotNull();
      }
    }
    assertThat(RESULT.statistics()).anyMatch(f -> f.value() == null);
    assertThat(RESULT.statistics()).anyMatch(f -> f.value() != null && !f.row().equals("_T"));
  }

  /** The published bracket totals and grand total of a table (row "_T"). */
  private static Map<String, Long> margins(int year, String table) {
    return RESULT.cells().stream()
        .filter(c -> c.year() == year && c.table().equals(table) && c.row().equals("_T"))
        .filter(c -> c.count() != null)
        .collect(Collectors.toMap(Disclosure.Cell::column, Disclosure.Cell::count));
  }
}
