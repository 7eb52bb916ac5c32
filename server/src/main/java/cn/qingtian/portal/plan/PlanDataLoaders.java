package cn.qingtian.portal.plan;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The DataLoaders behind nested connections. {@code @BatchMapping} methods take no arguments
 * (docs/decisions/stack-notes.md, note 15), so each loader answers all parents of a level with one
 * SQL statement and the controller pages each parent's list with that field's arguments.
 */
@Configuration(proxyBeanMethods = false)
class PlanDataLoaders {

  static final String PARENT_PLANS = "parentPlans";
  static final String CHILD_PLANS = "childPlans";
  static final String PLAN_MEASURES = "planMeasures";
  static final String PLAN_TARGET_GROUPS = "planTargetGroups";
  static final String PLAN_INDICATORS = "planIndicators";
  static final String AREA_INDICATORS = "areaIndicators";
  static final String SECTION_MEASURES = "sectionMeasures";
  static final String GROUP_MEASURES = "groupMeasures";
  static final String MEASURE_UNITS = "measureUnits";
  static final String MEASURE_INDICATORS = "measureIndicators";
  static final String DEPARTMENT_MEASURES = "departmentMeasures";
  static final String DEPARTMENT_INDICATORS = "departmentIndicators";

  PlanDataLoaders(BatchLoaderRegistry registry, PlanRepository plans) {
    registerPlanLoaders(registry, plans);
    registerPartLoaders(registry, plans);
    registerMeasureAndDepartmentLoaders(registry, plans);
  }

  /** The loaders keyed by a plan's code. */
  private static void registerPlanLoaders(BatchLoaderRegistry registry, PlanRepository plans) {
    register(
        registry,
        PARENT_PLANS,
        (release, codes) -> linkedPlans(plans, release, codes, true),
        LinkedPlan::from);
    register(
        registry,
        CHILD_PLANS,
        (release, codes) -> linkedPlans(plans, release, codes, false),
        LinkedPlan::from);
    register(
        registry,
        PLAN_MEASURES,
        (release, codes) -> plans.measuresOfPlans(release, codes),
        Measure::planCode);
    register(registry, PLAN_TARGET_GROUPS, plans::targetGroups, TargetGroup::planCode);
    register(
        registry,
        PLAN_INDICATORS,
        (release, codes) -> plans.indicatorsWhere(release, "plan", codes),
        Indicator::planCode);
  }

  /** The loaders keyed by "plan/code" of an area, a section or a target group. */
  private static void registerPartLoaders(BatchLoaderRegistry registry, PlanRepository plans) {
    register(
        registry,
        AREA_INDICATORS,
        (Integer release, Set<String> keys) ->
            plans.indicatorsWhere(release, "plan || '/' || i.area", keys),
        i -> i.planCode() + "/" + i.areaCode());
    register(
        registry,
        SECTION_MEASURES,
        (Integer release, Set<String> keys) -> plans.measuresWhere(release, "section", keys),
        m -> m.planCode() + "/" + m.sectionCode());
    register(
        registry,
        GROUP_MEASURES,
        (Integer release, Set<String> keys) -> plans.measuresWhere(release, "target_group", keys),
        m -> m.planCode() + "/" + m.targetGroupCode());
  }

  /** The loaders keyed by a measure ("plan/code") or a department's code. */
  private static void registerMeasureAndDepartmentLoaders(
      BatchLoaderRegistry registry, PlanRepository plans) {
    register(
        registry,
        MEASURE_UNITS,
        (Integer release, Set<String> keys) ->
            plans.responsibilities(release, "md.plan || '/' || md.measure", keys),
        a -> a.responsibility().planCode() + "/" + a.responsibility().measureCode());
    register(
        registry,
        MEASURE_INDICATORS,
        (Integer release, Set<String> keys) ->
            plans.indicatorsWhere(release, "plan || '/' || i.measure", keys),
        i -> i.planCode() + "/" + i.measureCode());
    register(
        registry,
        DEPARTMENT_MEASURES,
        (Integer release, Set<String> codes) ->
            plans.responsibilities(release, "md.department", codes),
        a -> a.responsibility().departmentCode());
    register(
        registry,
        DEPARTMENT_INDICATORS,
        (Integer release, Set<String> codes) ->
            plans.indicatorsWhere(release, "statistical_unit", codes),
        Indicator::statisticalUnitCode);
  }

  private static Flux<LinkedPlan> linkedPlans(
      PlanRepository plans, int release, Collection<String> codes, boolean parents) {
    return plans
        .links(release, parents ? "plan" : "parent", codes)
        .collectList()
        .flatMapMany(
            links -> {
              Set<String> others =
                  links.stream()
                      .map(l -> parents ? l.parent() : l.plan())
                      .collect(Collectors.toSet());
              if (others.isEmpty()) {
                return Flux.empty();
              }
              return plans
                  .plans(release, others)
                  .collectMap(Plan::code)
                  .flatMapMany(
                      byCode ->
                          Flux.fromIterable(links)
                              .map(
                                  l ->
                                      new LinkedPlan(
                                          parents ? l.plan() : l.parent(),
                                          l.position(),
                                          byCode.get(parents ? l.parent() : l.plan()))));
            });
  }

  /**
   * Registers a loader from keys {@code (release, parent key)} to each parent's children, answered
   * by one query for the whole batch.
   */
  private static <V> void register(
      BatchLoaderRegistry registry,
      String name,
      BiFunction<Integer, Set<String>, Flux<V>> query,
      Function<V, String> parentKey) {
    registry
        .<Keyed<String>, List<V>>forName(name)
        .registerMappedBatchLoader(
            (keys, environment) -> {
              if (keys.isEmpty()) {
                return Mono.just(Map.of());
              }
              int release = keys.iterator().next().release();
              Set<String> parents = keys.stream().map(Keyed::key).collect(Collectors.toSet());
              return query
                  .apply(release, parents)
                  .collectMultimap(parentKey)
                  .map(
                      byParent ->
                          keys.stream()
                              .collect(
                                  Collectors.toMap(
                                      key -> key,
                                      key ->
                                          List.copyOf(
                                              byParent.getOrDefault(key.key(), List.of())))));
            });
  }

  /** A plan reached through a link, kept with the plan it was reached from. */
  record LinkedPlan(String from, int position, Plan plan) {}
}
