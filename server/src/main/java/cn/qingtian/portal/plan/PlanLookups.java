package cn.qingtian.portal.plan;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Answers the batch mappings from many children to their parent (a measure's plan, an indicator's
 * area, …): one query for all children of a level.
 */
@Component
class PlanLookups {

  private final PlanRepository plans;

  PlanLookups(PlanRepository plans) {
    this.plans = plans;
  }

  <T> Mono<Map<T, Plan>> plans(int release, List<T> children, Function<T, String> planCode) {
    return parents(children, planCode, codes -> plans.plans(release, codes), Plan::code);
  }

  <T> Mono<Map<T, Area>> areas(
      int release, List<T> children, Function<T, String> planCode, Function<T, String> areaCode) {
    return parents(
        children,
        child -> key(planCode.apply(child), areaCode.apply(child)),
        keys -> plans.areas(release, planCodes(keys)),
        area -> key(area.planCode(), area.code()));
  }

  <T> Mono<Map<T, Measure>> measures(
      int release,
      List<T> children,
      Function<T, String> planCode,
      Function<T, String> measureCode) {
    return parents(
        children,
        child -> key(planCode.apply(child), measureCode.apply(child)),
        keys -> plans.measuresWhere(release, "code", keys),
        measure -> key(measure.planCode(), measure.code()));
  }

  <T> Mono<Map<T, Department>> departments(
      int release, List<T> children, Function<T, String> departmentCode) {
    return parents(
        children,
        departmentCode,
        codes -> plans.departments(release, null, null, codes),
        Department::code);
  }

  <T> Mono<Map<T, Indicator>> indicators(
      int release, List<T> children, Function<T, String> indicatorCode) {
    return parents(
        children,
        indicatorCode,
        codes -> plans.indicatorsWhere(release, "code", codes),
        Indicator::code);
  }

  /** Maps each child to its parent; children without a parent code are left out. */
  static <T, P> Mono<Map<T, P>> parents(
      List<T> children,
      Function<T, String> parentKey,
      Function<Collection<String>, Flux<P>> load,
      Function<P, String> keyOfParent) {
    List<String> keys =
        children.stream().map(parentKey).filter(Objects::nonNull).distinct().toList();
    if (keys.isEmpty()) {
      return Mono.just(Map.of());
    }
    return load.apply(keys)
        .collectMap(keyOfParent)
        .map(
            byKey ->
                children.stream()
                    .filter(
                        child ->
                            parentKey.apply(child) != null
                                && byKey.containsKey(parentKey.apply(child)))
                    .collect(
                        Collectors.toMap(
                            Function.identity(),
                            child -> byKey.get(parentKey.apply(child)),
                            (a, b) -> a)));
  }

  static @Nullable String key(String planCode, @Nullable String code) {
    return code == null ? null : planCode + "/" + code;
  }

  private static List<String> planCodes(Collection<String> keys) {
    return keys.stream().map(k -> k.substring(0, k.indexOf('/'))).distinct().toList();
  }
}
