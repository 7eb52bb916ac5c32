package cn.qingtian.portal.achievement;

import cn.qingtian.portal.api.LocalizedText;
import cn.qingtian.portal.indicator.Provenance;
import cn.qingtian.portal.release.Temporal;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reads the achievements of one release, each with its measures, departments and outputs. */
@Repository
class AchievementRepository {

  private final DatabaseClient database;

  AchievementRepository(DatabaseClient database) {
    this.database = database;
  }

  /** Every achievement of the release, in four statements. */
  Mono<List<Achievement>> all(int release) {
    return Mono.zip(
            measures(release).collectMultimap(Link::achievement, Link::value),
            departments(release).collectMultimap(Link::achievement, Link::value),
            outputs(release).collectMultimap(AchievementOutput::achievementCode),
            rows(release).collectList())
        .map(
            t ->
                t.getT4().stream()
                    .map(
                        row ->
                            row.with(
                                list(t.getT1(), row.code()),
                                list(t.getT2(), row.code()),
                                list(t.getT3(), row.code())))
                    .toList());
  }

  private Flux<Row> rows(int release) {
    return database
        .sql("select * from achievements a where " + Temporal.inRelease("a") + " order by a.code")
        .bind("release", release)
        .map(
            row ->
                new Row(
                    row.get("code", String.class),
                    row.get("year", Integer.class),
                    row.get("date", LocalDate.class).toString(),
                    LocalizedText.of(
                        row.get("title_zh", String.class), row.get("title_en", String.class)),
                    LocalizedText.of(
                        row.get("summary_zh", String.class), row.get("summary_en", String.class)),
                    Provenance.valueOf(row.get("provenance", String.class)),
                    row.get("source", String.class)))
        .all();
  }

  private Flux<Link<Achievement.MeasureRef>> measures(int release) {
    return database
        .sql(
            "select am.achievement, am.plan, am.measure, m.target_group"
                + " from achievement_measures am left join measures m on m.plan = am.plan"
                + " and m.code = am.measure and "
                + Temporal.inRelease("m")
                + " where "
                + Temporal.inRelease("am")
                + " order by am.achievement, am.plan, am.measure")
        .bind("release", release)
        .map(
            row ->
                new Link<>(
                    row.get("achievement", String.class),
                    new Achievement.MeasureRef(
                        row.get("plan", String.class),
                        row.get("measure", String.class),
                        row.get("target_group", String.class))))
        .all();
  }

  private Flux<Link<String>> departments(int release) {
    return database
        .sql(
            "select * from achievement_departments d where "
                + Temporal.inRelease("d")
                + " order by d.achievement, d.department")
        .bind("release", release)
        .map(
            row ->
                new Link<>(
                    row.get("achievement", String.class), row.get("department", String.class)))
        .all();
  }

  private Flux<AchievementOutput> outputs(int release) {
    return database
        .sql(
            "select * from achievement_outputs o where "
                + Temporal.inRelease("o")
                + " order by o.achievement, o.seq")
        .bind("release", release)
        .map(
            row ->
                new AchievementOutput(
                    row.get("achievement", String.class),
                    row.get("seq", Integer.class),
                    LocalizedText.of(
                        row.get("metric_zh", String.class), row.get("metric_en", String.class)),
                    row.get("comparator", String.class),
                    row.get("value", BigDecimal.class).doubleValue(),
                    LocalizedText.of(
                        row.get("unit_zh", String.class), row.get("unit_en", String.class)),
                    row.get("indicator", String.class),
                    row.get("counts", String.class)))
        .all();
  }

  private static <T> List<T> list(Map<String, Collection<T>> byCode, String code) {
    return List.copyOf(byCode.getOrDefault(code, List.of()));
  }

  private record Link<T>(String achievement, T value) {}

  private record Row(
      String code,
      int year,
      String date,
      LocalizedText title,
      LocalizedText summary,
      Provenance provenance,
      String source) {

    Achievement with(
        List<Achievement.MeasureRef> measures,
        List<String> departments,
        List<AchievementOutput> outputs) {
      return new Achievement(
          code, year, date, title, summary, measures, departments, outputs, provenance, source);
    }
  }
}
