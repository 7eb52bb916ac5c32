package cn.qingtian.portal.disclosure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Mean and median household income per township and for the county (magnitude statistics,
 * docs/decisions/methods.md §2 rule 2). Incomes are top-coded at the year's 99th percentile first,
 * so no single household's income can drive a figure; a figure is published only with at least 10
 * households, when the township's count is published in the count table (count × mean = sum links
 * the tables), and when the dominance rules (1, 50) and (2, 67) hold: the largest income is at most
 * 50 % of the township's total, the two largest at most 67 %. A single withheld township would be
 * recovered from the county total, so a second one (the smallest published) is withheld with it.
 * Means are rounded to 100 yuan, medians to 1,000.
 *
 * <p>A withheld figure is published with the one reason {@link Withheld#WITHHELD}: "fewer than 10"
 * would tell the township's count is 0–9 (docs/disclosure-control.md, attack finding 4). Published
 * means and medians narrow the township's bracket counts; {@link Disclosure} audits them with the
 * counts and withholds a township's figures where they would narrow a withheld count below its
 * protection interval (attack finding 5).
 */
public final class IncomeStatistics {

  /**
   * Why a figure is withheld: the count reasons, plus dominance. Only {@link #WITHHELD} is
   * published; it is also the reason for a figure that would narrow a withheld count.
   */
  public enum Withheld {
    THRESHOLD,
    COUNT_WITHHELD,
    DOMINANCE,
    SECONDARY,
    WITHHELD
  }

  /** A published figure (rounded), or the reason it is withheld. */
  public record Figure(
      int year, String row, String statistic, @Nullable Long value, @Nullable Withheld reason) {}

  private IncomeStatistics() {}

  /**
   * @param counts the protected township × bracket table of the same year (for its row totals)
   */
  public static List<Figure> of(List<Household> households, int year, CountTable counts) {
    return of(households, year, counts, Set.of());
  }

  /**
   * @param narrowing rows (townships, or {@code _T} for the county) whose figures are withheld
   *     because they would narrow a withheld count
   */
  static List<Figure> of(
      List<Household> households, int year, CountTable counts, Set<String> narrowing) {
    long[] all = incomes(households, year);
    if (all.length == 0) {
      return List.of();
    }
    long cap = cap(all);
    Map<String, long[]> byTownship =
        households.stream()
            .filter(h -> h.year() == year)
            .collect(
                Collectors.groupingBy(
                    Household::township,
                    Collectors.collectingAndThen(
                        Collectors.toList(),
                        list ->
                            list.stream()
                                .mapToLong(h -> Math.min(h.income(), cap))
                                .sorted()
                                .toArray())));
    List<String> rows = new ArrayList<>(counts.rows());
    List<@Nullable Withheld> reasons = new ArrayList<>();
    List<long[]> incomes = new ArrayList<>();
    for (int r = 0; r < rows.size(); r++) {
      long[] values = byTownship.getOrDefault(rows.get(r), new long[0]);
      incomes.add(values);
      Withheld reason = reason(values, counts.isSuppressed(counts.rowTotal(r)));
      reasons.add(reason == null && narrowing.contains(rows.get(r)) ? Withheld.WITHHELD : reason);
    }
    long withheld = reasons.stream().filter(java.util.Objects::nonNull).count();
    if (withheld == 1) {
      int partner = -1;
      for (int r = 0; r < rows.size(); r++) {
        if (reasons.get(r) == null
            && (partner < 0 || incomes.get(r).length < incomes.get(partner).length)) {
          partner = r;
        }
      }
      if (partner >= 0) {
        reasons.set(partner, Withheld.SECONDARY);
      }
    }
    List<Figure> figures = new ArrayList<>();
    for (int r = 0; r < rows.size(); r++) {
      figures.addAll(figures(year, rows.get(r), incomes.get(r), reasons.get(r)));
    }
    long[] county = Arrays.stream(all).map(v -> Math.min(v, cap)).toArray();
    Withheld countyReason = reason(county, false);
    figures.addAll(
        figures(
            year,
            "_T",
            county,
            countyReason == null && narrowing.contains("_T") ? Withheld.WITHHELD : countyReason));
    return figures;
  }

  /** The year's incomes, sorted. */
  private static long[] incomes(List<Household> households, int year) {
    return households.stream()
        .filter(h -> h.year() == year)
        .mapToLong(Household::income)
        .sorted()
        .toArray();
  }

  /**
   * The income every figure of the year is top-coded at: its 99th percentile (0 with no data).
   * Public so the attack tests can hand it to their attacker: the audit assumes an attacker knows
   * it exactly (an attacker can estimate it from the published county brackets and figures).
   */
  public static long cap(List<Household> households, int year) {
    long[] all = incomes(households, year);
    return all.length == 0 ? 0 : cap(all);
  }

  private static long cap(long[] sorted) {
    return sorted[(int) Math.floor(0.99 * (sorted.length - 1))];
  }

  static @Nullable Withheld reason(long[] sortedIncomes, boolean countWithheld) {
    int n = sortedIncomes.length;
    if (n < CountTable.THRESHOLD) {
      return Withheld.THRESHOLD;
    }
    if (countWithheld) {
      return Withheld.COUNT_WITHHELD;
    }
    if (DisclosureRules.dominated(Arrays.stream(sortedIncomes).asDoubleStream().toArray())) {
      return Withheld.DOMINANCE;
    }
    return null;
  }

  private static List<Figure> figures(
      int year, String row, long[] sorted, @Nullable Withheld reason) {
    if (reason != null) {
      // Published without the specific reason, which would narrow the count (attack finding 4).
      return List.of(
          new Figure(year, row, "MEAN", null, Withheld.WITHHELD),
          new Figure(year, row, "MEDIAN", null, Withheld.WITHHELD));
    }
    double mean = Arrays.stream(sorted).average().orElse(0);
    int n = sorted.length;
    double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    return List.of(
        new Figure(year, row, "MEAN", Math.round(mean / 100) * 100, null),
        new Figure(year, row, "MEDIAN", Math.round(median / 1000) * 1000, null));
  }
}
