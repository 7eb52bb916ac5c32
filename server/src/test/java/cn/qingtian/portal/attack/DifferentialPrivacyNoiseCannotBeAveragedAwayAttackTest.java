package cn.qingtian.portal.attack;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qingtian.portal.dataset.DisclosureGate;
import cn.qingtian.portal.dataset.PackageValidator;
import cn.qingtian.portal.dataset.PublishedTables;
import cn.qingtian.portal.dataset.Row;
import cn.qingtian.portal.dataset.Table;
import cn.qingtian.portal.disclosure.DisclosureTables;
import cn.qingtian.portal.disclosure.Household;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Attack finding 7 (docs/disclosure-control.md): the differential-privacy noise must not be
 * re-drawn when the data behind a cell did not change. Thirteen releases of the bundled packages
 * (the demo microdata: 2,000 households, 2020–2024), differing only in a typo fixed in an unrelated
 * table, go through the disclosure gate in the DP mode (ε = 1/2), each seeing what the one before
 * published, as an import does. The attacker takes the median of each township cell over the
 * releases and counts the cells it recovers exactly: no more than one release alone gives. The
 * privacy ledger of the last release must account for every distinct noisy table that was published
 * (each one a draw that spent ε).
 */
@Tag("attack")
class DifferentialPrivacyNoiseCannotBeAveragedAwayAttackTest {

  private static final int RELEASES = 13;

  /** The database's secret (migration V14 makes one per database); any 256 bits will do here. */
  private static final byte[] SECRET = "a test secret of thirty-two byte".getBytes();

  @Test
  void theMedianOfThirteenReleasesRecoversNoMoreThanOneReleaseAndTheLedgerCountsEveryDraw() {
    Path datasets = Path.of("..", "datasets");
    List<Table> bundled =
        PackageValidator.validate(List.of(datasets.resolve("qingtian"), datasets.resolve("demo")))
            .valid()
            .orElseThrow()
            .tables();
    List<Household> households = households(table(bundled, "household_microdata"));
    DisclosureGate gate = new DisclosureGate(List.of(new DisclosureTables("1/2", () -> SECRET)));

    List<Map<String, List<Map<String, @Nullable Object>>>> releases = new ArrayList<>();
    PublishedTables previous = PublishedTables.NONE;
    for (int release = 0; release < RELEASES; release++) {
      Map<String, List<Map<String, @Nullable Object>>> published =
          publicRows(gate.apply(withTypoFixed(bundled, release), previous).tables());
      releases.add(published);
      previous = table -> published.getOrDefault(table, List.of());
    }

    Map<String, List<Long>> seen = new HashMap<>();
    for (var release : releases) {
      for (var cell : release.get("income_cells")) {
        if (cell.get("table_name").equals("TOWNSHIP")
            && !cell.get("row_code").equals(IncomeAttacker.TOTAL)
            && !cell.get("column_code").equals(IncomeAttacker.TOTAL)) {
          seen.computeIfAbsent(
                  cell.get("year") + "|" + cell.get("row_code") + "|" + cell.get("column_code"),
                  k -> new ArrayList<>())
              .add((Long) cell.get("count"));
        }
      }
    }
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

    // Every distinct noisy version of a count table and year is a draw that spent ε = 1/2.
    Map<String, Set<List<Object>>> versions = new HashMap<>();
    for (var release : releases) {
      Map<String, List<Object>> tables = new HashMap<>();
      for (var cell : release.get("income_cells")) {
        tables
            .computeIfAbsent(
                cell.get("year") + " " + cell.get("table_name"), k -> new ArrayList<>())
            .add(cell.get("count"));
      }
      tables.forEach(
          (table, counts) -> versions.computeIfAbsent(table, k -> new HashSet<>()).add(counts));
    }
    double spent = versions.values().stream().mapToDouble(Set::size).sum() * 0.5;
    List<Map<String, @Nullable Object>> lastLedger =
        releases.get(RELEASES - 1).get("disclosure_reports").stream()
            .filter(r -> !r.get("table_name").equals("MEAN"))
            .toList();
    double ledger =
        lastLedger.stream()
            .mapToDouble(r -> ((BigDecimal) r.get("epsilon_to_date")).doubleValue())
            .sum();
    double lastSpent =
        lastLedger.stream().mapToDouble(r -> ((BigDecimal) r.get("epsilon")).doubleValue()).sum();

    String summary =
        "%d of %d township cells re-noised across %d releases; median recovers %d exactly, one"
                .formatted(changed, seen.size(), RELEASES, exactFromMedian)
            + " release %d; ε spent on count tables %.1f, ledger says %.1f to date (%.1f by the last release)"
                .formatted(exactFromFirst, spent, ledger, lastSpent);
    System.out.println("DP averaging attack: " + summary);
    assertThat(changed).as(summary).isZero();
    assertThat(exactFromMedian).as(summary).isLessThanOrEqualTo(exactFromFirst);
    assertThat(ledger).as(summary).isEqualTo(spent);
    assertThat(lastSpent).as(summary).isZero();
  }

  /** The bundled tables with a typo in the first source's title fixed one way or another. */
  private static List<Table> withTypoFixed(List<Table> tables, int variant) {
    List<Table> changed = new ArrayList<>();
    for (Table table : tables) {
      if (!table.name().equals("sources")) {
        changed.add(table);
        continue;
      }
      List<Row> rows = new ArrayList<>(table.rows());
      Row first = rows.get(0);
      List<@Nullable Object> values = new ArrayList<>(first.values());
      int title = table.schema().indexOf("title");
      values.set(title, values.get(title) + " ".repeat(variant));
      rows.set(0, new Row(first.file(), first.number(), values));
      changed.add(new Table(table.resource(), rows));
    }
    return changed;
  }

  /** The public tables the gate wrote, as a later import reads them back. */
  private static Map<String, List<Map<String, @Nullable Object>>> publicRows(List<Table> tables) {
    Map<String, List<Map<String, @Nullable Object>>> published = new HashMap<>();
    for (Table table : tables) {
      if (table.resource().privateData()) {
        continue;
      }
      List<Map<String, @Nullable Object>> rows = new ArrayList<>();
      for (Row row : table.rows()) {
        Map<String, @Nullable Object> values = new LinkedHashMap<>();
        table.schema().fieldNames().forEach(field -> values.put(field, table.value(row, field)));
        rows.add(values);
      }
      published.put(table.name(), rows);
    }
    return published;
  }

  private static Table table(List<Table> tables, String name) {
    return tables.stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
  }

  private static List<Household> households(Table microdata) {
    List<Household> households = new ArrayList<>();
    for (Row row : microdata.rows()) {
      households.add(
          new Household(
              (String) microdata.value(row, "id"),
              (String) microdata.value(row, "township"),
              ((Long) microdata.value(row, "year")).intValue(),
              ((Long) microdata.value(row, "size")).intValue(),
              (Boolean) microdata.value(row, "urban"),
              ((BigDecimal) microdata.value(row, "income")).longValue(),
              (Boolean) microdata.value(row, "low_income_farm"),
              (Boolean) microdata.value(row, "dibao"),
              (Boolean) microdata.value(row, "qiaojuan")));
    }
    return households;
  }
}
