package cn.qingtian.portal.disclosure;

import cn.qingtian.portal.database.JdbcConnections;
import cn.qingtian.portal.dataset.DerivedTables;
import cn.qingtian.portal.dataset.Field;
import cn.qingtian.portal.dataset.FieldType;
import cn.qingtian.portal.dataset.ImportRefusedException;
import cn.qingtian.portal.dataset.Problem;
import cn.qingtian.portal.dataset.ReleaseTables;
import cn.qingtian.portal.dataset.Resource;
import cn.qingtian.portal.dataset.Row;
import cn.qingtian.portal.dataset.Table;
import cn.qingtian.portal.dataset.TableSchema;
import cn.qingtian.portal.indicator.Provenance;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The income step of the disclosure gate: reads the package's private {@code household_microdata}
 * rows (never the database), runs {@link Disclosure}, and publishes {@code income_cells}, {@code
 * income_statistics} and {@code disclosure_reports}. A table that cannot be protected refuses the
 * release; the message names the table and year, never a household. It runs first: the income
 * shares among the computed series are read from its protected table.
 *
 * <p>In the differential-privacy mode the noise is keyed by a secret read from {@code
 * private.disclosure_secret} (migration V14) and each cell's identity, so the same microdata
 * publish the same cells in every release (decision D18; docs/disclosure-control.md); the previous
 * release's {@code disclosure_reports} carry the ledger this release continues.
 */
@Component
@EnableConfigurationProperties(DisclosureProperties.class)
@Order(DisclosureTables.ORDER)
public class DisclosureTables implements DerivedTables {

  static final int ORDER = 100;

  private static final Pattern FRACTION = Pattern.compile("([1-9][0-9]{0,5})/([1-9][0-9]{0,5})");

  static final String MICRODATA = "household_microdata";
  static final String CELLS = "income_cells";
  static final String RULES =
      "threshold 10 households; group attribute disclosure; counts rounded to base 5; secondary"
          + " suppression with the previous year's pattern preferred; interval audit by linear"
          + " programming, protection 10 households; means and medians: income top-coded at the"
          + " 99th percentile, at least 10 households, the township count published, dominance"
          + " rules (1, 50) and (2, 67), rounded to 100 and 1,000 yuan, included in the interval"
          + " audit and withheld where they would narrow a withheld count; every withheld entry is"
          + " published with the one reason WITHHELD";

  static final String DP_RULES =
      "differential privacy: two-sided geometric noise with parameter epsilon per table and year"
          + " (each household is in one cell), sampled exactly from HMAC-SHA256 of a secret kept in"
          + " the private schema and the cell's identity and contributing rows, so the noise changes"
          + " only when the data behind the cell change; the ledger counts epsilon again only for a"
          + " table with a new draw; post-processed to"
          + " non-negative integers that add up; margins are sums of the published cells; township"
          + " means from sums of income clamped to 1,000,000 yuan with discrete Laplace noise of"
          + " scale 1,000,000/epsilon; no suppression";

  private final String epsilon;
  private final Supplier<byte[]> secret;
  private @Nullable DifferentialPrivacy dp;

  @Autowired
  DisclosureTables(DisclosureProperties properties, ObjectProvider<JdbcConnections> connections) {
    this(properties.epsilon(), () -> secret(connections.getObject()));
  }

  /**
   * @param epsilon empty for disclosure control, or ε as a fraction such as {@code 1/2} for the
   *     differential-privacy mode
   * @param secret the noise secret, asked for only in the differential-privacy mode
   */
  public DisclosureTables(String epsilon, Supplier<byte[]> secret) {
    if (!epsilon.isBlank() && !FRACTION.matcher(epsilon.strip()).matches()) {
      throw new IllegalArgumentException(
          "portal.disclosure.epsilon is a fraction such as 1/2, not " + epsilon);
    }
    this.epsilon = epsilon.strip();
    this.secret = secret;
  }

  /** The differential-privacy mode's noise, keyed once by the database's secret; null if off. */
  private synchronized @Nullable DifferentialPrivacy dp() {
    if (dp == null && !epsilon.isEmpty()) {
      var matcher = FRACTION.matcher(epsilon);
      matcher.matches();
      dp =
          new DifferentialPrivacy(
              new KeyedNoise(secret.get()),
              Long.parseLong(matcher.group(1)),
              Long.parseLong(matcher.group(2)));
    }
    return dp;
  }

  /** The noise secret of this database (migration V14), read as the owner. */
  private static byte[] secret(JdbcConnections connections) {
    try (Connection connection = connections.open();
        PreparedStatement statement =
            connection.prepareStatement(
                "select secret from private.disclosure_secret where name = 'dp-noise'");
        ResultSet result = statement.executeQuery()) {
      if (!result.next()) {
        throw new IllegalStateException("private.disclosure_secret holds no dp-noise secret");
      }
      return result.getBytes(1);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the noise secret", e);
    }
  }

  /** The ledger the previous release left, by "year table". */
  private static Map<String, Disclosure.Ledger> ledger(ReleaseTables release) {
    Map<String, Disclosure.Ledger> ledger = new HashMap<>();
    for (Map<String, @Nullable Object> row : release.previous().rows("disclosure_reports")) {
      Object spent = row.get("epsilon");
      Object toDate = row.get("epsilon_to_date");
      double total =
          toDate instanceof Number n
              ? n.doubleValue()
              : spent instanceof Number n ? n.doubleValue() : 0;
      ledger.put(
          row.get("year") + " " + row.get("table_name"),
          new Disclosure.Ledger((String) row.get("noise"), total));
    }
    return ledger;
  }

  @Override
  public List<Table> derive(ReleaseTables release) {
    Table microdata = release.table(MICRODATA).orElse(null);
    List<Household> households = microdata == null ? List.of() : households(microdata);
    List<Integer> years = households.stream().map(Household::year).distinct().sorted().toList();
    String provenance = microdata == null ? Provenance.OFFICIAL.name() : weakest(microdata);
    DifferentialPrivacy dp = dp();
    Disclosure.Result result = run(households, years, dp, release);
    return List.of(
        statisticsTable(statisticRows(result, provenance)),
        cellsTable(cellRows(result, provenance)),
        reportsTable(reportRows(result, provenance, dp == null ? RULES : DP_RULES)));
  }

  /** Runs the disclosure control, refusing the release when the tables fail its audit. */
  private static Disclosure.Result run(
      List<Household> households,
      List<Integer> years,
      @Nullable DifferentialPrivacy dp,
      ReleaseTables release) {
    try {
      return dp == null
          ? Disclosure.run(households, years)
          : Disclosure.runDifferentiallyPrivate(households, years, dp, ledger(release));
    } catch (Protection.RefusedException e) {
      throw new ImportRefusedException(
          List.of(
              new Problem(
                  MICRODATA + ".csv",
                  0,
                  0,
                  "收入表无法通过披露控制审核，版本不予发布：" + e.getMessage(),
                  "the income tables fail the disclosure audit, the release is refused: "
                      + e.getMessage())));
    }
  }

  private static List<Row> cellRows(Disclosure.Result result, String provenance) {
    List<Row> cells = new ArrayList<>();
    for (Disclosure.Cell cell : result.cells()) {
      cells.add(
          row(
              "income_cells",
              cells.size(),
              (long) cell.year(),
              cell.table(),
              cell.row(),
              cell.column(),
              cell.count(),
              cell.reason() == null ? null : cell.reason().name(),
              provenance));
    }
    return cells;
  }

  private static List<Row> reportRows(Disclosure.Result result, String provenance, String rules) {
    List<Row> reports = new ArrayList<>();
    for (Disclosure.TableReport report : result.reports()) {
      reports.add(
          row(
              "disclosure_reports",
              reports.size(),
              (long) report.year(),
              report.table(),
              (long) report.entries(),
              (long) report.published(),
              (long) report.primary(),
              (long) report.secondary(),
              report.auditPassed(),
              rules,
              BigDecimal.valueOf(report.epsilon()),
              BigDecimal.valueOf(report.epsilonToDate()),
              report.noise(),
              provenance));
    }
    return reports;
  }

  private static List<Row> statisticRows(Disclosure.Result result, String provenance) {
    List<Row> statistics = new ArrayList<>();
    for (IncomeStatistics.Figure figure : result.statistics()) {
      statistics.add(
          row(
              "income_statistics",
              statistics.size(),
              (long) figure.year(),
              figure.row(),
              figure.statistic(),
              figure.value(),
              figure.reason() == null ? null : figure.reason().name(),
              provenance));
    }
    return statistics;
  }

  private static Table statisticsTable(List<Row> statistics) {
    return new Table(
        resource(
            "income_statistics",
            List.of("year", "row_code", "statistic"),
            field("year", FieldType.INTEGER),
            field("row_code", FieldType.STRING),
            field("statistic", FieldType.STRING),
            field("value", FieldType.INTEGER),
            field("reason", FieldType.STRING),
            field("provenance", FieldType.STRING)),
        statistics);
  }

  private static Table cellsTable(List<Row> cells) {
    return new Table(
        resource(
            "income_cells",
            List.of("year", "table_name", "row_code", "column_code"),
            field("year", FieldType.INTEGER),
            field("table_name", FieldType.STRING),
            field("row_code", FieldType.STRING),
            field("column_code", FieldType.STRING),
            field("count", FieldType.INTEGER),
            field("reason", FieldType.STRING),
            field("provenance", FieldType.STRING)),
        cells);
  }

  private static Table reportsTable(List<Row> reports) {
    return new Table(
        resource(
            "disclosure_reports",
            List.of("year", "table_name"),
            field("year", FieldType.INTEGER),
            field("table_name", FieldType.STRING),
            field("entries", FieldType.INTEGER),
            field("published", FieldType.INTEGER),
            field("primary_suppressed", FieldType.INTEGER),
            field("secondary_suppressed", FieldType.INTEGER),
            field("audit_passed", FieldType.BOOLEAN),
            field("rules", FieldType.STRING),
            field("epsilon", FieldType.NUMBER),
            field("epsilon_to_date", FieldType.NUMBER),
            field("noise", FieldType.STRING),
            field("provenance", FieldType.STRING)),
        reports);
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

  /** The weakest provenance of the microdata rows: a table of DEMO households is DEMO. */
  private static String weakest(Table microdata) {
    return microdata.rows().stream()
        .map(row -> Provenance.valueOf((String) microdata.value(row, "provenance")))
        .reduce(Provenance.OFFICIAL, Provenance::weakerOf)
        .name();
  }

  private static final Map<String, String> TITLES =
      Map.of(
          "income_statistics",
          "收入统计量（经披露控制） / Income statistics (after disclosure control)",
          "income_cells",
          "收入分组户数表（经披露控制） / Households by income bracket (after disclosure control)",
          "disclosure_reports",
          "披露控制报告 / Disclosure control report");

  private static final Map<String, String> DESCRIPTIONS =
      Map.of(
          "income_statistics",
          "由住户收入微观数据派生的各年收入中位数、分位数和收入份额；受保护的单元格为空并注明原因。"
              + " / Yearly income medians, quantiles and shares derived from household microdata;"
              + " protected cells are empty with the reason.",
          "income_cells",
          "各年按乡镇、城乡和群体分列的收入分组户数；小单元格被抑制并注明原因。"
              + " / Households per income bracket by township, urban/rural and group, per year;"
              + " small cells are suppressed with the reason.",
          "disclosure_reports",
          "每张收入表每年的披露控制结果：单元格数、发布数、一次和二次抑制数、审计结果与规则。"
              + " / The outcome of disclosure control per income table and year: cells, published,"
              + " primary and secondary suppressions, audit result and rules.");

  private static Row row(String table, int index, @Nullable Object... values) {
    return Row.derived(table, index + 2, Arrays.asList(values));
  }

  private static Field field(String name, FieldType type) {
    return new Field(name, type, false, false, null, null, null, null, null);
  }

  private static Resource resource(String name, List<String> key, Field... fields) {
    return new Resource(
        name,
        name + ".csv",
        TITLES.get(name),
        DESCRIPTIONS.get(name),
        new TableSchema(List.of(fields), key, List.of(), List.of(), List.of("")),
        false);
  }
}
