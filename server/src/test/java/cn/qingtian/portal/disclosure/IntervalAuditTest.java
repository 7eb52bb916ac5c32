package cn.qingtian.portal.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The joint audit of means and medians (docs/reliability.md, second-round finding C): a published
 * count is one number, the same in its row's line and in its row's mean.
 */
class IntervalAuditTest {

  /**
   * Township A is 2023 T09 of the demo data: 30 households under 10万 (published 30, so 28–32), 19,
   * 7 and 1 withheld in 10–20, 20–50 and 50–60万, none above; 57 in all (published 55, so 53–57);
   * mean 120,300. Township B holds the partners. Taking the total at 57 in the mean and at 53 in
   * the row's line, the single-table audit lets A's one household in 50–60万 be up to 11.9 and
   * passes; with the total one number it is at most 10.9, and the joint audit fails.
   */
  @Test
  void aPublishedTotalIsOneNumberInItsLineAndInItsMean() {
    CountTable township =
        new CountTable(
            List.of("A", "B"),
            columns(),
            new long[][] {
              {30, 19, 7, 1, 0},
              {30, 40, 30, 20, 0}
            });
    for (int row = 0; row < 2; row++) {
      for (int column = 1; column <= 3; column++) {
        township.suppress(
            township.cell(row, column),
            row == 0 && column == 3 ? Reason.THRESHOLD : Reason.SECONDARY);
      }
    }
    CountTable area =
        new CountTable(
            List.of("URBAN", "RURAL"),
            columns(),
            new long[][] {
              {30, 30, 17, 11, 0},
              {30, 29, 20, 10, 0}
            });
    List<IntervalAudit.Relation> mean =
        StatisticRelations.of(
            township,
            List.of(new IncomeStatistics.Figure(2023, "A", "MEAN", 120_300L, null)),
            700_000);
    int cell = township.cell(0, 3);

    IntervalAudit.Bound alone = bound(IntervalAudit.audit(township, mean), cell);
    IntervalAudit.Bound jointly = bound(IntervalAudit.auditJointly(township, area, mean), cell);

    assertThat(alone.safe()).isTrue();
    assertThat(alone.upper()).isGreaterThanOrEqualTo(11);
    assertThat(jointly.safe()).isFalse();
    assertThat(jointly.upper()).isLessThan(11);
    assertThat(IntervalAudit.auditJointly(township, area, List.of()).passed()).isTrue();
  }

  private static List<String> columns() {
    return java.util.Arrays.stream(IncomeBracket.values()).map(Enum::name).toList();
  }

  private static IntervalAudit.Bound bound(IntervalAudit.Result result, int entry) {
    return result.bounds().stream().filter(b -> b.entry() == entry).findFirst().orElseThrow();
  }
}
