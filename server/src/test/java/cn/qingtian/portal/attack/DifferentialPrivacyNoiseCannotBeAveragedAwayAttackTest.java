package cn.qingtian.portal.attack;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qingtian.portal.disclosure.DifferentialPrivacy;
import cn.qingtian.portal.disclosure.Disclosure;
import cn.qingtian.portal.disclosure.DiscreteLaplace;
import cn.qingtian.portal.disclosure.Household;
import cn.qingtian.portal.disclosure.MicrodataGenerator;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Finding 7 of issue 21: the differential-privacy noise must not be re-drawn when the data behind a
 * cell did not change. Thirteen releases of the same microdata (differing only in a typo fixed
 * elsewhere) are published in the DP mode (ε = 1/2); the attacker takes the median of each township
 * cell over the releases and counts the cells it recovers exactly. It must recover no more than one
 * release alone gives, and the privacy ledger of the last release must account for every distinct
 * noisy table that was published.
 */
@Tag("attack")
class DifferentialPrivacyNoiseCannotBeAveragedAwayAttackTest {

  private static final List<Integer> YEARS = List.of(2020, 2021, 2022, 2023, 2024);
  private static final int RELEASES = 13;

  @Test
  void theMedianOfThirteenReleasesRecoversNoMoreThanOneReleaseAndTheLedgerCountsEveryDraw() {
    List<Household> households =
        MicrodataGenerator.generate(MicrodataGenerator.SEED, 2_000, 2020, YEARS.size());
    List<Disclosure.Result> releases = new ArrayList<>();
    for (int release = 0; release < RELEASES; release++) {
      releases.add(publish(households));
    }

    Map<String, List<Long>> seen = new HashMap<>();
    for (Disclosure.Result release : releases) {
      for (Disclosure.Cell cell : release.cells()) {
        if (cell.table().equals("TOWNSHIP")
            && !cell.row().equals(IncomeAttacker.TOTAL)
            && !cell.column().equals(IncomeAttacker.TOTAL)) {
          seen.computeIfAbsent(key(cell), k -> new ArrayList<>()).add(cell.count());
        }
      }
    }
    int cells = seen.size();
    int changed = 0;
    int exactFromMedian = 0;
    int exactFromFirst = 0;
    for (var entry : seen.entrySet()) {
      String[] parts = entry.getKey().split("\\|", 2);
      long truth =
          IncomeAttacker.truth(households, Integer.parseInt(parts[0]), "TOWNSHIP")
              .getOrDefault(parts[1], 0L);
      long[] values = entry.getValue().stream().mapToLong(Long::longValue).sorted().toArray();
      changed += values[0] != values[values.length - 1] ? 1 : 0;
      exactFromMedian += values[values.length / 2] == truth ? 1 : 0;
      exactFromFirst += entry.getValue().get(0) == truth ? 1 : 0;
    }

    // Every distinct noisy version of a table and year is a draw that spent ε again.
    Map<String, Set<List<Long>>> versions = new HashMap<>();
    Map<String, Double> epsilon = new HashMap<>();
    for (Disclosure.Result release : releases) {
      Map<String, List<Long>> tables = new HashMap<>();
      for (Disclosure.Cell cell : release.cells()) {
        tables
            .computeIfAbsent(cell.year() + " " + cell.table(), k -> new ArrayList<>())
            .add(cell.count());
      }
      tables.forEach(
          (table, counts) -> versions.computeIfAbsent(table, k -> new HashSet<>()).add(counts));
      for (Disclosure.TableReport report : release.reports()) {
        epsilon.put(report.year() + " " + report.table(), report.epsilon());
      }
    }
    double spent = versions.values().stream().mapToDouble(Set::size).sum() * 0.5;
    double ledger =
        releases.get(RELEASES - 1).reports().stream()
            .filter(r -> !r.table().equals("MEAN"))
            .mapToDouble(Disclosure.TableReport::epsilon)
            .sum();

    String summary =
        "%d of %d township cells re-noised across %d releases; median recovers %d exactly, one"
                .formatted(changed, cells, RELEASES, exactFromMedian)
            + " release %d; ε spent on count tables %.1f, ledger says %.1f"
                .formatted(exactFromFirst, spent, ledger);
    System.out.println("DP averaging attack: " + summary);
    assertThat(changed).as(summary).isZero();
    assertThat(exactFromMedian).as(summary).isLessThanOrEqualTo(exactFromFirst);
    assertThat(ledger).as(summary).isEqualTo(spent);
  }

  private static Disclosure.Result publish(List<Household> households) {
    return Disclosure.runDifferentiallyPrivate(
        households, YEARS, new DifferentialPrivacy(new DiscreteLaplace(new SecureRandom()), 1, 2));
  }

  private static String key(Disclosure.Cell cell) {
    return cell.year() + "|" + cell.row() + "|" + cell.column();
  }

  static long[] sorted(List<Long> values) {
    long[] array = values.stream().mapToLong(Long::longValue).toArray();
    Arrays.sort(array);
    return array;
  }
}
