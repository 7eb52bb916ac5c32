package cn.qingtian.portal.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Primary and secondary suppression, rounding, and the interval audit that guards them. */
class ProtectionTest {

  private static CountTable table(long[][] cells) {
    List<String> rows = IntStream.range(0, cells.length).mapToObj(i -> "r" + i).toList();
    List<String> columns = IntStream.range(0, cells[0].length).mapToObj(j -> "c" + j).toList();
    return new CountTable(rows, columns, cells);
  }

  /** The naive check the audit must go beyond: no line with exactly one hidden entry. */
  private static boolean everyHiddenEntryHasAPartnerInEachLine(CountTable table) {
    return table.lines().stream()
        .allMatch(line -> IntStream.of(line.all()).filter(table::isSuppressed).count() != 1);
  }

  @Test
  void aLoneSuppressedCellInARowIsCaughtAndProtectionAddsPartners() {
    CountTable table = table(new long[][] {{40, 4, 35}, {25, 30, 45}, {50, 20, 60}});
    Protection.primary(table);
    assertThat(table.reason(table.cell(0, 1))).isEqualTo(Reason.THRESHOLD);

    IntervalAudit.Result alone = IntervalAudit.audit(table);
    assertThat(alone.passed()).isFalse();
    assertThat(alone.failures()).extracting(IntervalAudit.Bound::entry).contains(table.cell(0, 1));

    IntervalAudit.Result protectedTable = Protection.protect(table, Set.of());
    assertThat(protectedTable.passed()).isTrue();
    assertThat(everyHiddenEntryHasAPartnerInEachLine(table)).isTrue();
    assertThat(protectedTable.bounds())
        .filteredOn(b -> b.entry() == table.cell(0, 1))
        .singleElement()
        .satisfies(b -> assertThat(b.upper()).isGreaterThanOrEqualTo(CountTable.THRESHOLD));
  }

  @Test
  void aPatternWithTwoPerRowAndColumnThatLinearProgrammingStillPinsIsCaught() {
    // x00 = 5 is primary; x01, x10 and x11 are its partners, two hidden entries in every row and
    // column, but the column total of c1 (30) equals its one published cell: x01 = x11 = 0 follows,
    // and then x00 = 45 − 40 = 5 exactly.
    CountTable table = table(new long[][] {{5, 0, 40}, {20, 0, 30}, {30, 30, 30}});
    table.suppress(table.cell(0, 0), Reason.THRESHOLD);
    table.suppress(table.cell(0, 1), Reason.SECONDARY);
    table.suppress(table.cell(1, 0), Reason.SECONDARY);
    table.suppress(table.cell(1, 1), Reason.SECONDARY);
    assertThat(everyHiddenEntryHasAPartnerInEachLine(table)).isTrue();

    IntervalAudit.Bound exact =
        IntervalAudit.audit(table, false).bounds().stream()
            .filter(b -> b.entry() == table.cell(0, 0))
            .findFirst()
            .orElseThrow();
    assertThat(exact.lower()).isEqualTo(5.0);
    assertThat(exact.upper()).isEqualTo(5.0);
    assertThat(exact.safe()).isFalse();

    // With rounded counts the cell is not pinned, but still known to be below 10: refused too.
    IntervalAudit.Result rounded = IntervalAudit.audit(table);
    assertThat(rounded.passed()).isFalse();
    assertThat(rounded.failures())
        .extracting(IntervalAudit.Bound::entry)
        .contains(table.cell(0, 0));
  }

  @Test
  void aGroupAllInOneBracketIsSuppressed() {
    CountTable table = table(new long[][] {{0, 25, 0}, {30, 40, 50}, {20, 35, 45}});
    Protection.protect(table, Set.of());
    assertThat(table.reason(table.cell(0, 1))).isEqualTo(Reason.GROUP_DISCLOSURE);
    assertThat(IntervalAudit.audit(table).passed()).isTrue();
  }

  @Test
  void protectedMicrodataTablesPublishOnlyRoundedCountsOfTenOrMoreAndPassTheAudit() {
    List<Household> households =
        MicrodataGenerator.generate(MicrodataGenerator.SEED, 6_000, 2021, 2);
    Set<Integer> previous = new HashSet<>();
    for (int year = 2021; year <= 2022; year++) {
      CountTable table = IncomeTables.byTownship(households, year);
      IntervalAudit.Result audit = Protection.protect(table, previous);
      assertThat(audit.passed()).isTrue();
      int primary = 0;
      for (int entry = 0; entry < table.size(); entry++) {
        Long shown = table.published(entry);
        if (shown == null) {
          assertThat(table.reason(entry)).isNotNull();
          primary += table.reason(entry) == Reason.SECONDARY ? 0 : 1;
          continue;
        }
        assertThat(shown % CountTable.ROUNDING_BASE).isZero();
        assertThat(table.trueValue(entry))
            .satisfiesAnyOf(
                v -> assertThat(v).isZero(), v -> assertThat(v).isGreaterThanOrEqualTo(10));
        assertThat(Math.abs(shown - table.trueValue(entry))).isLessThanOrEqualTo(2);
      }
      assertThat(primary).as("the small townships make sparse cells").isPositive();
      assertThat(everyHiddenEntryHasAPartnerInEachLine(table)).isTrue();
      if (year == 2022) {
        Set<Integer> now = new HashSet<>();
        for (int entry = 0; entry < table.size(); entry++) {
          if (table.isSuppressed(entry)) {
            now.add(entry);
          }
        }
        Set<Integer> kept = new HashSet<>(previous);
        kept.retainAll(now);
        assertThat(kept.size())
            .as("most of last year's pattern is kept")
            .isGreaterThan(previous.size() / 2);
      }
      previous.clear();
      for (int entry = 0; entry < table.size(); entry++) {
        if (table.isSuppressed(entry)) {
          previous.add(entry);
        }
      }
    }
  }
}
