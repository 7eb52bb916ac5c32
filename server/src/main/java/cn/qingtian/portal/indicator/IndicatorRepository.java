package cn.qingtian.portal.indicator;

import cn.qingtian.portal.api.LocalizedText;
import cn.qingtian.portal.release.Temporal;
import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;

/** Reads observations, geographies and sources of one release. */
@Repository
class IndicatorRepository {

  private final DatabaseClient database;

  IndicatorRepository(DatabaseClient database) {
    this.database = database;
  }

  /** Every typed-in observation of a release, by indicator, geography and period. */
  Flux<Observation> observations(int release) {
    return database
        .sql(
            "select * from observations o where "
                + Temporal.inRelease("o")
                + " order by o.indicator, o.geography, o.period")
        .bind("release", release)
        .map(IndicatorRepository::observation)
        .all();
  }

  /** Every version up to a release of the observations of these indicators, oldest first. */
  Flux<ObservationRevision> revisions(int release, Collection<String> indicators) {
    return database
        .sql(
            """
            select o.indicator, o.geography, o.period, o.disaggregation, o.value, o.status,
                   o.provenance, o.source, f.version as published_in,
                   case when o.valid_to <= :release then t.version end as replaced_in
            from observations o
            join release f on f.id = o.valid_from
            left join release t on t.id = o.valid_to
            where o.valid_from <= :release and o.indicator = any(:codes)
            order by o.valid_from
            """)
        .bind("release", release)
        .bind("codes", indicators.toArray(String[]::new))
        .map(
            row ->
                new ObservationRevision(
                    ObservationRevision.keyOf(
                        row.get("indicator", String.class),
                        row.get("geography", String.class),
                        row.get("period", String.class),
                        row.get("disaggregation", String.class)),
                    row.get("value", BigDecimal.class).doubleValue(),
                    row.get("status", String.class),
                    Provenance.valueOf(row.get("provenance", String.class)),
                    row.get("source", String.class),
                    row.get("published_in", String.class),
                    row.get("replaced_in", String.class)))
        .all();
  }

  Flux<Geography> geographies(int release, @Nullable Collection<String> codes) {
    String sql = "select * from geographies g where " + Temporal.inRelease("g");
    if (codes != null) {
      sql += " and g.code = any(:codes)";
    }
    var spec = database.sql(sql + " order by g.code").bind("release", release);
    if (codes != null) {
      spec = spec.bind("codes", codes.toArray(String[]::new));
    }
    return spec.map(
            row ->
                new Geography(
                    row.get("code", String.class),
                    LocalizedText.of(
                        row.get("name_zh", String.class), row.get("name_en", String.class)),
                    GeographyLevel.valueOf(row.get("level", String.class)),
                    row.get("parent", String.class)))
        .all();
  }

  Flux<Source> sources(int release, @Nullable Collection<String> codes) {
    String sql = "select * from sources s where " + Temporal.inRelease("s");
    if (codes != null) {
      sql += " and s.code = any(:codes)";
    }
    var spec = database.sql(sql + " order by s.code").bind("release", release);
    if (codes != null) {
      spec = spec.bind("codes", codes.toArray(String[]::new));
    }
    return spec.map(
            row ->
                new Source(
                    row.get("code", String.class),
                    row.get("title", String.class),
                    row.get("publisher", String.class),
                    row.get("url", String.class),
                    date(row, "published"),
                    date(row, "accessed"),
                    row.get("note_en", String.class)))
        .all();
  }

  private static Observation observation(Readable row) {
    return new Observation(
        row.get("indicator", String.class),
        row.get("geography", String.class),
        Period.parse(row.get("period", String.class)),
        row.get("disaggregation", String.class),
        row.get("value", BigDecimal.class).doubleValue(),
        row.get("unit_zh", String.class),
        row.get("status", String.class),
        Provenance.valueOf(row.get("provenance", String.class)),
        row.get("source", String.class),
        row.get("footnote_zh", String.class),
        row.get("footnote_en", String.class));
  }

  private static @Nullable String date(Readable row, String column) {
    LocalDate date = row.get(column, LocalDate.class);
    return date == null ? null : date.toString();
  }
}
