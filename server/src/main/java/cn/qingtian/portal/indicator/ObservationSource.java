package cn.qingtian.portal.indicator;

import cn.qingtian.portal.release.Temporal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/** Every observation of a release: the typed-in ones and those computed from registries. */
@Component
public class ObservationSource {

  private final IndicatorRepository repository;
  private final DatabaseClient database;
  private final Map<String, ComputedSeries> computed;

  ObservationSource(
      IndicatorRepository repository, DatabaseClient database, List<ComputedSeries> computed) {
    this.repository = repository;
    this.database = database;
    this.computed =
        computed.stream()
            .collect(Collectors.toMap(ComputedSeries::computedFrom, Function.identity()));
  }

  /** Observations of these indicators (all when null). */
  public Flux<Observation> observations(int release, @Nullable Collection<String> indicators) {
    Flux<Observation> typed = repository.observations(release, indicators);
    Flux<Observation> derived =
        database
            .sql(
                "select i.code, i.computed_from, p.geography, p.period_start, p.period_end"
                    + " from indicators i join plans p on p.code = i.plan and "
                    + Temporal.inRelease("p")
                    + " where i.computed_from is not null and "
                    + Temporal.inRelease("i"))
            .bind("release", release)
            .map(
                row ->
                    new Derived(
                        row.get("code", String.class),
                        row.get("computed_from", String.class),
                        row.get("geography", String.class),
                        row.get("period_start", Integer.class),
                        row.get("period_end", Integer.class)))
            .all()
            .filter(d -> indicators == null || indicators.contains(d.code()))
            .filter(d -> computed.containsKey(d.computedFrom()))
            .concatMap(
                d ->
                    computed
                        .get(d.computedFrom())
                        .observations(
                            release, d.code(), d.geography(), d.periodStart() - 1, d.periodEnd()));
    return Flux.concat(typed, derived);
  }

  private record Derived(
      String code, String computedFrom, String geography, int periodStart, int periodEnd) {}
}
