package cn.qingtian.portal.indicator;

import cn.qingtian.portal.release.ReleaseCache;
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
import reactor.core.publisher.Mono;

/** Every observation of a release: the typed-in ones and those computed from registries. */
@Component
public class ObservationSource {

  private final IndicatorRepository repository;
  private final DatabaseClient database;
  private final Map<String, ComputedSeries> computed;
  private final ReleaseCache<AllObservations> kept = new ReleaseCache<>();

  ObservationSource(
      IndicatorRepository repository, DatabaseClient database, List<ComputedSeries> computed) {
    this.repository = repository;
    this.database = database;
    this.computed =
        computed.stream()
            .collect(Collectors.toMap(ComputedSeries::computedFrom, Function.identity()));
  }

  /**
   * Observations of these indicators (all when null), indicator by indicator. A release's
   * observations never change (D4), so they are read once per release and kept: a few hundred rows
   * here, and every request for an indicator's values, progress or comparison then makes no
   * statement at all.
   */
  public Flux<Observation> observations(int release, @Nullable Collection<String> indicators) {
    return kept.get(release, this::read)
        .flatMapIterable(
            all ->
                indicators == null
                    ? all.list()
                    : indicators.stream()
                        .distinct()
                        .flatMap(code -> all.byIndicator().getOrDefault(code, List.of()).stream())
                        .toList());
  }

  private Mono<AllObservations> read(int release) {
    return Flux.concat(repository.observations(release), derived(release))
        .collectList()
        .map(AllObservations::of);
  }

  /** The observations computed from registries, for indicators with {@code computed_from}. */
  private Flux<Observation> derived(int release) {
    return database
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
        .filter(d -> computed.containsKey(d.computedFrom()))
        .concatMap(
            d ->
                computed
                    .get(d.computedFrom())
                    .observations(
                        release, d.code(), d.geography(), d.periodStart() - 1, d.periodEnd()));
  }

  /** A release's observations, and the same grouped by indicator. */
  private record AllObservations(
      List<Observation> list, Map<String, List<Observation>> byIndicator) {

    static AllObservations of(List<Observation> list) {
      return new AllObservations(
          List.copyOf(list),
          list.stream()
              .collect(
                  Collectors.groupingBy(
                      Observation::indicatorCode,
                      Collectors.collectingAndThen(Collectors.toList(), List::copyOf))));
    }
  }

  private record Derived(
      String code, String computedFrom, String geography, int periodStart, int periodEnd) {}
}
