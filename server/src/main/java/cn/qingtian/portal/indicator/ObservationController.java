package cn.qingtian.portal.indicator;

import cn.qingtian.portal.api.BatchResults;
import cn.qingtian.portal.api.Connection;
import cn.qingtian.portal.api.PageRequest;
import cn.qingtian.portal.api.Pagination;
import cn.qingtian.portal.release.Release;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.springframework.graphql.data.method.annotation.Arguments;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** The {@code Observation}, {@code Series}, {@code Geography} and {@code Source} types. */
@Controller
class ObservationController {

  private final IndicatorRepository repository;
  private final Sources sources;

  ObservationController(IndicatorRepository repository, Sources sources) {
    this.repository = repository;
    this.sources = sources;
  }

  @QueryMapping
  Mono<Connection<Geography>> geographies(
      @Arguments PageRequest page, @ContextValue Release release) {
    return repository
        .geographies(release.number(), null)
        .collectList()
        .map(list -> Pagination.page(list, Geography::code, page));
  }

  @QueryMapping
  Mono<Connection<Source>> sources(@Arguments PageRequest page, @ContextValue Release release) {
    return repository
        .sources(release.number(), null)
        .collectList()
        .map(list -> Pagination.page(list, Source::code, page));
  }

  @SchemaMapping(typeName = "Observation")
  String period(Observation observation) {
    return observation.period().code();
  }

  @SchemaMapping(typeName = "Observation")
  boolean annual(Observation observation) {
    return observation.period().annual();
  }

  @BatchMapping(typeName = "Observation")
  Mono<Map<Observation, List<ObservationRevision>>> revisions(
      List<Observation> observations, @ContextValue Release release) {
    List<String> indicators =
        observations.stream().map(Observation::indicatorCode).distinct().toList();
    return repository
        .revisions(release.number(), indicators)
        .collectMultimap(ObservationRevision::key)
        .map(
            byKey -> {
              Map<Observation, List<ObservationRevision>> result = new java.util.HashMap<>();
              for (Observation observation : observations) {
                var revisions = byKey.get(ObservationRevision.keyOf(observation));
                result.put(observation, revisions == null ? List.of() : List.copyOf(revisions));
              }
              return result;
            });
  }

  @BatchMapping(typeName = "Observation", field = "geography")
  Mono<Map<Observation, Geography>> observationGeography(
      List<Observation> observations, @ContextValue Release release) {
    return parents(observations, Observation::geography, release);
  }

  @BatchMapping(typeName = "Series", field = "geography")
  Mono<Map<Series, Geography>> seriesGeography(List<Series> series, @ContextValue Release release) {
    return parents(series, Series::geographyCode, release);
  }

  @BatchMapping(typeName = "Geography", field = "parent")
  Mono<Map<Geography, Geography>> parent(List<Geography> places, @ContextValue Release release) {
    return parents(places, Geography::parentCode, release);
  }

  @BatchMapping(typeName = "Observation")
  Mono<Map<Observation, Source>> source(
      List<Observation> observations, @ContextValue Release release) {
    return sources.citedBy(release.number(), observations, Observation::sourceCode);
  }

  private <T> Mono<Map<T, Geography>> parents(
      List<T> children, Function<T, String> code, Release release) {
    List<String> codes = children.stream().map(code).filter(Objects::nonNull).distinct().toList();
    if (codes.isEmpty()) {
      return Mono.just(Map.of());
    }
    return repository
        .geographies(release.number(), codes)
        .collectMap(Geography::code)
        .map(byCode -> BatchResults.parent(children, code, byCode));
  }
}
