package cn.qingtian.portal.indicator;

import cn.qingtian.portal.architecture.FeatureInterface;
import cn.qingtian.portal.release.ReleaseCache;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Every observation of a release, typed in or computed by the disclosure gate at import ({@link
 * DerivedObservations}): the rows of its observations table.
 */
@FeatureInterface
@Component
public class ObservationSource {

  private final IndicatorRepository repository;
  private final ReleaseCache<AllObservations> kept = new ReleaseCache<>();

  ObservationSource(IndicatorRepository repository) {
    this.repository = repository;
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
    return repository.observations(release).collectList().map(AllObservations::of);
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
}
