package cn.qingtian.portal.plan;

import cn.qingtian.portal.api.BatchResults;
import cn.qingtian.portal.api.Connection;
import cn.qingtian.portal.api.PageRequest;
import cn.qingtian.portal.api.Pagination;
import cn.qingtian.portal.release.Release;
import cn.qingtian.portal.release.ReleaseCache;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.Arguments;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** The {@code Indicator} type and the {@code indicators} and {@code indicator} queries. */
@Controller
class IndicatorController {

  private final PlanRepository plans;
  private final PlanLookups lookups;
  private final ProgressFilter progress;
  private final ReleaseCache<List<Indicator>> all = new ReleaseCache<>();

  IndicatorController(PlanRepository plans, PlanLookups lookups, ProgressFilter progress) {
    this.plans = plans;
    this.lookups = lookups;
    this.progress = progress;
  }

  @QueryMapping
  Mono<Connection<Indicator>> indicators(
      @Arguments IndicatorFilter filter,
      @Arguments PageRequest page,
      @ContextValue Release release) {
    if (filter.isEmpty()) {
      // The whole sorted list, once per release: paging through it stays cheap.
      return all.get(
              release.number(),
              number ->
                  plans.indicators(number, filter).collectList().map(IndicatorController::sorted))
          .map(list -> Pagination.page(list, Indicator::sortKey, page));
    }
    Mono<List<Indicator>> matching = plans.indicators(release.number(), filter).collectList();
    if (filter.needsProgress()) {
      matching =
          matching.zipWith(
              progress.indicatorCodes(release.number(), filter.status(), filter.provenance()),
              (list, codes) -> list.stream().filter(i -> codes.contains(i.code())).toList());
    }
    return matching.map(list -> page(list, page));
  }

  @QueryMapping
  Mono<Indicator> indicator(@Argument String code, @ContextValue Release release) {
    return plans.indicatorsWhere(release.number(), "code", Set.of(code)).next();
  }

  @BatchMapping(typeName = "Indicator")
  Mono<Map<Indicator, Plan>> plan(List<Indicator> indicators, @ContextValue Release release) {
    return lookups.plans(release.number(), indicators, Indicator::planCode);
  }

  @BatchMapping(typeName = "Indicator")
  Mono<Map<Indicator, Area>> area(List<Indicator> indicators, @ContextValue Release release) {
    return lookups.areas(release.number(), indicators, Indicator::planCode, Indicator::areaCode);
  }

  @BatchMapping(typeName = "Indicator")
  Mono<Map<Indicator, Measure>> measure(List<Indicator> indicators, @ContextValue Release release) {
    return lookups.measures(
        release.number(), indicators, Indicator::planCode, Indicator::measureCode);
  }

  @BatchMapping(typeName = "Indicator")
  Mono<Map<Indicator, Department>> statisticalUnit(
      List<Indicator> indicators, @ContextValue Release release) {
    return lookups.departments(release.number(), indicators, Indicator::statisticalUnitCode);
  }

  /** The document names no statistical unit for any indicator: every one is the portal's. */
  @SchemaMapping(typeName = "Indicator")
  @Nullable String statisticalUnitAttribution(Indicator indicator) {
    return indicator.statisticalUnitCode() == null ? null : "PORTAL";
  }

  @BatchMapping(typeName = "Indicator")
  Mono<Map<Indicator, List<Target>>> targets(
      List<Indicator> indicators, @ContextValue Release release) {
    return plans
        .targets(release.number(), BatchResults.keys(indicators, Indicator::code))
        .collectMultimap(Target::indicatorCode)
        .map(byIndicator -> BatchResults.children(indicators, Indicator::code, byIndicator));
  }

  static Connection<Indicator> page(List<Indicator> indicators, PageRequest page) {
    return Pagination.page(sorted(indicators), Indicator::sortKey, page);
  }

  private static List<Indicator> sorted(List<Indicator> indicators) {
    return indicators.stream().sorted(Comparator.comparing(Indicator::sortKey)).toList();
  }
}
