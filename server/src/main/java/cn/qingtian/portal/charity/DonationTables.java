package cn.qingtian.portal.charity;

import cn.qingtian.portal.dataset.DerivedTables;
import cn.qingtian.portal.dataset.Field;
import cn.qingtian.portal.dataset.FieldType;
import cn.qingtian.portal.dataset.ForeignKey;
import cn.qingtian.portal.dataset.ImportRefusedException;
import cn.qingtian.portal.dataset.Problem;
import cn.qingtian.portal.dataset.ReleaseTables;
import cn.qingtian.portal.dataset.Resource;
import cn.qingtian.portal.dataset.Row;
import cn.qingtian.portal.dataset.Table;
import cn.qingtian.portal.dataset.TableSchema;
import cn.qingtian.portal.disclosure.DisclosureRules;
import cn.qingtian.portal.indicator.Provenance;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The donations step of the disclosure gate: the public {@code charity_donations} table, from the
 * aggregates a package types in and those counted from the private donor-by-donor records. A cell
 * is published with its donor count and total only when at least 10 donors gave and, where the
 * records show each donor's part, no one or two donors gave most of it; otherwise it keeps only
 * that it exists ({@code withheld}).
 *
 * <p>Every release stays public, so a new figure is also checked against every figure any earlier
 * release published for the same cell ({@link DonationHistory}): a change that comes from fewer
 * than 10 donors would be a gift, or a sum of a few, and the new figure is withheld.
 *
 * <p>A charity's year with a single withheld cell whose figures are not already public withholds
 * its smallest new published cell too, so the withheld total cannot be recovered from the charity's
 * accounts.
 */
@Component
@Order(DonationTables.ORDER)
class DonationTables implements DerivedTables {

  static final int ORDER = 200;
  static final String TABLE = "charity_donations";
  static final String RECORDS = "charity_donation_records";

  private static final List<String> CHARITY_FIELDS =
      List.of(
          "ELDERLY",
          "ORPHANS",
          "DISABILITY",
          "EDUCATION",
          "HEALTH",
          "POVERTY",
          "DISASTER",
          "COMMUNITY",
          "OVERSEAS_CHINESE",
          "OTHER");

  static final Resource RESOURCE =
      new Resource(
          TABLE,
          TABLE + ".csv",
          "个人捐赠汇总（经披露控制） / Donations from individuals per charity, year and field (after"
              + " disclosure control)",
          "按慈善组织、年份和领域汇总的个人捐赠。捐赠人少于10人、或一两名捐赠人占总额大部分的汇总不公布人数和金额"
              + "（withheld 为 true）；与以前版本公布的数字相比，变化来自不到10名捐赠人的新数字也不公布；"
              + "同年仅一项不公布时另一项也不公布。 / Donations from individuals, aggregated per"
              + " charity, year and field. Where fewer than 10 donors gave, or one or two donors gave"
              + " most of the total, the count and total are not published (withheld is true); nor"
              + " is a new figure whose change from one an earlier release published comes from"
              + " fewer than 10 donors; where only one cell of a charity's year would be withheld,"
              + " another is withheld with it.",
          new TableSchema(
              List.of(
                  field("charity", FieldType.STRING, true),
                  new Field(
                      "year",
                      FieldType.INTEGER,
                      true,
                      false,
                      null,
                      null,
                      BigDecimal.valueOf(1949),
                      BigDecimal.valueOf(2100),
                      null),
                  enumField("field", CHARITY_FIELDS),
                  withheldFigure("donors", FieldType.INTEGER),
                  withheldFigure("total", FieldType.NUMBER),
                  field("withheld", FieldType.BOOLEAN, true),
                  enumField("provenance", List.of("OFFICIAL", "SECONDARY", "DEMO")),
                  field("source", FieldType.STRING, true)),
              List.of("charity", "year", "field"),
              List.of(),
              List.of(
                  new ForeignKey(List.of("charity"), "charities", List.of("code")),
                  new ForeignKey(List.of("source"), "sources", List.of("code"))),
              List.of("")),
          false);

  @Override
  public List<Table> derive(ReleaseTables release) {
    Map<Key, Cell> cells = new LinkedHashMap<>();
    release.table(TABLE).ifPresent(table -> typedIn(table, cells));
    release.table(RECORDS).ifPresent(table -> recorded(table, cells));
    List<Cell> sorted = cells.values().stream().sorted(Comparator.comparing(Cell::key)).toList();
    DonationHistory history = DonationHistory.of(release.previous().everPublished(TABLE));
    sorted.forEach(cell -> cell.withholdWhere(history));
    withholdPartners(sorted, history);
    List<Row> rows = new ArrayList<>();
    for (Cell cell : sorted) {
      rows.add(cell.row(rows.size() + 2));
    }
    return List.of(new Table(RESOURCE, rows));
  }

  /** Aggregates as a package types them in: the donor count and total, no donor's part. */
  private static void typedIn(Table table, Map<Key, Cell> cells) {
    for (Row row : table.rows()) {
      Key key = Key.of(table, row, ((Long) table.value(row, "year")).intValue());
      long donors = (Long) table.value(row, "donors");
      Cell cell =
          new Cell(
              key,
              donors,
              (BigDecimal) table.value(row, "total"),
              donors < DisclosureRules.MINIMUM_CONTRIBUTORS,
              Provenance.valueOf((String) table.value(row, "provenance")),
              (String) table.value(row, "source"));
      cells.put(key, cell);
    }
  }

  /** Aggregates counted from donor-by-donor records: every donor's part is known. */
  private static void recorded(Table table, Map<Key, Cell> cells) {
    Map<Key, List<Row>> byCell = new LinkedHashMap<>();
    for (Row row : table.rows()) {
      Key key = Key.of(table, row, ((LocalDate) table.value(row, "date")).getYear());
      byCell.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
    }
    byCell.forEach(
        (key, rows) -> {
          if (cells.containsKey(key)) {
            throw conflict(key, rows.get(0));
          }
          Map<String, BigDecimal> byDonor = new HashMap<>();
          Provenance provenance = Provenance.OFFICIAL;
          String source = null;
          for (Row row : rows) {
            BigDecimal amount = (BigDecimal) table.value(row, "amount");
            byDonor.merge((String) table.value(row, "donor"), amount, BigDecimal::add);
            provenance =
                provenance.weakerOf(Provenance.valueOf((String) table.value(row, "provenance")));
            String rowSource = (String) table.value(row, "source");
            source = source == null || rowSource.compareTo(source) < 0 ? rowSource : source;
          }
          BigDecimal total = byDonor.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
          double[] parts = byDonor.values().stream().mapToDouble(BigDecimal::doubleValue).toArray();
          boolean withheld =
              byDonor.size() < DisclosureRules.MINIMUM_CONTRIBUTORS
                  || DisclosureRules.dominated(parts);
          cells.put(
              key,
              new Cell(
                  key,
                  byDonor.size(),
                  total,
                  withheld,
                  provenance,
                  java.util.Objects.requireNonNull(source)));
        });
  }

  /**
   * A charity's year with exactly one withheld cell: its smallest published cell is withheld too,
   * since the charity's donation income (its own accounts, published) less the other cells would
   * otherwise come close to the withheld total. Figures an earlier release published are known
   * whether withheld now or not: a withheld cell whose figures are known needs no partner (and does
   * not protect another), and a partner must be a cell whose figures are new, since withholding a
   * known figure hides nothing; one that an earlier release withheld comes first, so the pattern
   * stays stable. Where every other cell of the year is known, no partner helps; the accounts then
   * narrow the withheld cell only as far as they mix in gifts from organizations and grants
   * (docs/disclosure-control.md).
   */
  private static void withholdPartners(List<Cell> cells, DonationHistory history) {
    Map<String, List<Cell>> byCharityYear = new LinkedHashMap<>();
    cells.forEach(
        cell ->
            byCharityYear
                .computeIfAbsent(
                    cell.key().charity() + "|" + cell.key().year(), k -> new ArrayList<>())
                .add(cell));
    for (List<Cell> year : byCharityYear.values()) {
      if (year.stream().filter(c -> c.isWithheld() && !c.isKnown(history)).count() == 1) {
        year.stream()
            .filter(c -> !c.isWithheld() && !c.isKnown(history))
            .min(
                Comparator.comparing((Cell c) -> !history.withheldBefore(c.key()))
                    .thenComparing(Cell::total))
            .ifPresent(Cell::withhold);
      }
    }
  }

  private static ImportRefusedException conflict(Key key, Row record) {
    String cell = key.charity() + " " + key.year() + " " + key.field();
    return new ImportRefusedException(
        List.of(
            new Problem(
                record.file(),
                record.number(),
                0,
                "捐赠汇总 " + cell + " 既在 charity_donations.csv 中填写，又可由逐笔记录计算；请只保留一种",
                "the donations of "
                    + cell
                    + " are both typed in charity_donations.csv and recorded donor by donor: keep"
                    + " one of them")));
  }

  private static Field field(String name, FieldType type, boolean required) {
    return new Field(name, type, required, false, null, null, null, null, null);
  }

  /** A figure that is empty where the cell is withheld. */
  private static Field withheldFigure(String name, FieldType type) {
    return new Field(name, type, false, false, null, null, BigDecimal.ZERO, null, null);
  }

  private static Field enumField(String name, List<String> values) {
    return new Field(name, FieldType.STRING, true, false, values, null, null, null, null);
  }

  /** A cell of the table: one charity, year and field of work. */
  record Key(String charity, int year, String field) implements Comparable<Key> {

    static Key of(Table table, Row row, int year) {
      return new Key(
          (String) table.value(row, "charity"), year, (String) table.value(row, "field"));
    }

    @Override
    public int compareTo(Key other) {
      return Comparator.comparing(Key::charity)
          .thenComparingInt(Key::year)
          .thenComparing(Key::field)
          .compare(this, other);
    }
  }

  /** A cell's true figures and whether they may be published. */
  private static final class Cell {

    private final Key key;
    private final long donors;
    private final BigDecimal total;
    private boolean withheld;
    private final Provenance provenance;
    private final String source;

    Cell(
        Key key,
        long donors,
        BigDecimal total,
        boolean withheld,
        Provenance provenance,
        String source) {
      this.key = key;
      this.donors = donors;
      this.total = total;
      this.withheld = withheld;
      this.provenance = provenance;
      this.source = source;
    }

    /** Withholds the figures where a release published before would reveal their change. */
    void withholdWhere(DonationHistory history) {
      if (!withheld && history.revealsChange(key, donors, total)) {
        withheld = true;
      }
    }

    /** Whether an earlier release published these very figures. */
    boolean isKnown(DonationHistory history) {
      return history.published(key, donors, total);
    }

    Key key() {
      return key;
    }

    BigDecimal total() {
      return total;
    }

    boolean isWithheld() {
      return withheld;
    }

    void withhold() {
      withheld = true;
    }

    /** The published row: the figures only when they may be published. */
    Row row(int number) {
      return Row.derived(
          TABLE,
          number,
          Arrays.<@Nullable Object>asList(
              key.charity(),
              (long) key.year(),
              key.field(),
              withheld ? null : donors,
              withheld ? null : total,
              withheld,
              provenance.name(),
              source));
    }
  }
}
