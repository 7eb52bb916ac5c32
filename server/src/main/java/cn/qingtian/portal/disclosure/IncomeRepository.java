package cn.qingtian.portal.disclosure;

import cn.qingtian.portal.indicator.Provenance;
import cn.qingtian.portal.release.Temporal;
import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;

/** Reads the protected income tables of a release: the public tables only, never microdata. */
@Repository
class IncomeRepository {

  private final DatabaseClient database;

  IncomeRepository(DatabaseClient database) {
    this.database = database;
  }

  Flux<IncomeCell> cells(int release, int year, String table) {
    return database
        .sql(
            "select * from income_cells c where "
                + Temporal.inRelease("c")
                + " and c.year = :year and c.table_name = :table order by c.row_code, c.column_code")
        .bind("release", release)
        .bind("year", year)
        .bind("table", table)
        .map(IncomeRepository::cell)
        .all();
  }

  private static IncomeCell cell(Readable row) {
    return new IncomeCell(
        row.get("year", Integer.class),
        row.get("table_name", String.class),
        row.get("row_code", String.class),
        row.get("column_code", String.class),
        row.get("count", Integer.class),
        row.get("reason", String.class),
        Provenance.valueOf(row.get("provenance", String.class)));
  }

  Flux<IncomeStatistic> statistics(int release, int year) {
    return database
        .sql(
            "select * from income_statistics s where "
                + Temporal.inRelease("s")
                + " and s.year = :year order by s.row_code = '_T', s.row_code, s.statistic")
        .bind("release", release)
        .bind("year", year)
        .map(
            row ->
                new IncomeStatistic(
                    row.get("year", Integer.class),
                    row.get("row_code", String.class),
                    row.get("statistic", String.class),
                    row.get("value", Long.class),
                    row.get("reason", String.class),
                    Provenance.valueOf(row.get("provenance", String.class))))
        .all();
  }

  Flux<DisclosureReport> reports(int release) {
    return database
        .sql(
            "select * from disclosure_reports r where "
                + Temporal.inRelease("r")
                + " order by r.year, r.table_name")
        .bind("release", release)
        .map(
            row ->
                new DisclosureReport(
                    row.get("year", Integer.class),
                    row.get("table_name", String.class),
                    row.get("entries", Integer.class),
                    row.get("published", Integer.class),
                    row.get("primary_suppressed", Integer.class),
                    row.get("secondary_suppressed", Integer.class),
                    row.get("audit_passed", Boolean.class),
                    row.get("rules", String.class),
                    row.get("epsilon", BigDecimal.class).doubleValue(),
                    epsilonToDate(
                        row.get("epsilon_to_date", BigDecimal.class),
                        row.get("epsilon", BigDecimal.class)),
                    provenance(row.get("provenance", String.class))))
        .all();
  }

  /** Rows written before the ledger had a total to date: what they spent is all that is known. */
  private static double epsilonToDate(@Nullable BigDecimal toDate, BigDecimal spent) {
    return (toDate != null ? toDate : spent).doubleValue();
  }

  private static @Nullable Provenance provenance(@Nullable String name) {
    return name == null ? null : Provenance.valueOf(name);
  }
}
