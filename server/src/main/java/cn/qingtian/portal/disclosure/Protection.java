package cn.qingtian.portal.disclosure;

import java.util.Comparator;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Protects a count table (docs/decisions/methods.md §2): primary suppression (fewer than 10
 * households; a group all in one cell), then secondary suppression until the interval audit passes.
 * A partner is taken from the line that needs one: first an entry suppressed in the previous year's
 * pattern (so patterns stay stable and years cannot be differenced), then the smallest published
 * cell, then a total. A table that cannot be protected is refused.
 */
public final class Protection {

  private static final int MAX_ROUNDS = 200;

  private Protection() {}

  /** Thrown when no suppression pattern passes the audit: the release must not go out. */
  public static final class RefusedException extends RuntimeException {
    RefusedException(String message) {
      super(message);
    }
  }

  /**
   * Suppresses what must be, and returns the audit that passed.
   *
   * @param previous entries suppressed in the same table of the previous year (may be empty)
   */
  public static IntervalAudit.Result protect(CountTable table, Set<Integer> previous) {
    primary(table);
    for (int round = 0; round < MAX_ROUNDS; round++) {
      boolean changed = false;
      for (CountTable.Line line : table.lines()) {
        int[] all = line.all();
        long hidden = IntStream.of(all).filter(table::isSuppressed).count();
        if (hidden == 1) {
          changed |= suppressPartner(table, all, previous);
        }
      }
      if (changed) {
        continue;
      }
      IntervalAudit.Result audit = IntervalAudit.audit(table);
      if (audit.passed()) {
        return audit;
      }
      for (IntervalAudit.Bound failure : audit.failures()) {
        boolean widened = false;
        for (CountTable.Line line : table.lines()) {
          if (IntStream.of(line.all()).anyMatch(e -> e == failure.entry())
              && suppressPartner(table, line.all(), previous)) {
            widened = true;
            break;
          }
        }
        if (!widened) {
          throw new RefusedException(
              "no suppression pattern protects the table: entry "
                  + failure.entry()
                  + " stays too narrow");
        }
      }
    }
    throw new RefusedException("no suppression pattern found in " + MAX_ROUNDS + " rounds");
  }

  /** Fewer than 10 households, and a group whose households all fall into one cell. */
  static void primary(CountTable table) {
    for (int entry = 0; entry < table.size(); entry++) {
      long value = table.trueValue(entry);
      if (value > 0 && value < CountTable.THRESHOLD) {
        table.suppress(entry, Reason.THRESHOLD);
      }
    }
    for (int row = 0; row < table.rows().size(); row++) {
      long total = table.trueValue(table.rowTotal(row));
      for (int column = 0; column < table.columns().size(); column++) {
        int cell = table.cell(row, column);
        if (total >= CountTable.THRESHOLD && table.trueValue(cell) == total) {
          table.suppress(cell, Reason.GROUP_DISCLOSURE);
        }
      }
    }
  }

  private static boolean suppressPartner(CountTable table, int[] line, Set<Integer> previous) {
    return IntStream.of(line)
        .boxed()
        .filter(e -> !table.isSuppressed(e))
        .min(
            Comparator.<Integer, Boolean>comparing(e -> !previous.contains(e))
                .thenComparing(e -> !table.isCell(e))
                .thenComparing(e -> table.trueValue(e) == 0)
                .thenComparingLong(table::trueValue)
                .thenComparingInt(e -> e))
        .map(
            e -> {
              table.suppress(e, Reason.SECONDARY);
              return true;
            })
        .orElse(false);
  }
}
