package cn.qingtian.portal.indicator;

import cn.qingtian.portal.api.Connection;
import cn.qingtian.portal.api.PageRequest;
import cn.qingtian.portal.api.Pagination;
import cn.qingtian.portal.indicator.ReleaseProgress.FinalEvaluation;
import cn.qingtian.portal.indicator.ReleaseProgress.ProgressCounts;
import cn.qingtian.portal.plan.Area;
import cn.qingtian.portal.plan.Department;
import cn.qingtian.portal.plan.DepartmentScorecard;
import cn.qingtian.portal.plan.Indicator;
import cn.qingtian.portal.plan.Measure;
import cn.qingtian.portal.plan.Plan;
import cn.qingtian.portal.plan.Target;
import cn.qingtian.portal.plan.TargetGroup;
import cn.qingtian.portal.plan.TargetPlacement;
import cn.qingtian.portal.release.Release;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.dataloader.DataLoader;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.Arguments;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * Observations and progress on the plan's types: {@code Indicator.observations}, {@code latest},
 * {@code progress}, {@code comparison}, {@code Target.progress}, and the progress counts of plans,
 * areas, measures, target groups and departments.
 */
@Controller
class IndicatorProgressController {

  static final String OBSERVATIONS = "indicatorObservations";

  private final ProgressService progress;

  IndicatorProgressController(
      ProgressService progress, ObservationSource repository, BatchLoaderRegistry registry) {
    this.progress = progress;
    registry
        .<IndicatorKey, List<Observation>>forName(OBSERVATIONS)
        .registerMappedBatchLoader(
            (keys, environment) -> {
              int release = keys.iterator().next().release();
              List<String> codes = keys.stream().map(IndicatorKey::code).toList();
              return repository
                  .observations(release, codes)
                  .collectMultimap(Observation::indicatorCode)
                  .map(
                      byCode ->
                          keys.stream()
                              .collect(
                                  Collectors.toMap(
                                      key -> key,
                                      key ->
                                          List.copyOf(
                                              byCode.getOrDefault(key.code(), List.of())))));
            });
  }

  @SchemaMapping(typeName = "Indicator")
  CompletableFuture<Connection<Observation>> observations(
      Indicator indicator,
      @Argument @Nullable String geography,
      @Argument @Nullable Integer from,
      @Argument @Nullable Integer to,
      @Argument @Nullable String provenance,
      @Arguments PageRequest page,
      @ContextValue Release release,
      DataLoader<IndicatorKey, List<Observation>> indicatorObservations) {
    // The load is registered before anything else completes, so it joins this level's batch.
    return indicatorObservations
        .load(new IndicatorKey(release.number(), indicator.code()))
        .thenCombine(
            progress.of(release.number()).toFuture(),
            (all, rp) -> {
              String place =
                  geography != null ? geography : rp.geographyOfPlan().get(indicator.planCode());
              List<Observation> selected =
                  all.stream()
                      .filter(o -> o.geography().equals(place))
                      .filter(o -> from == null || o.year() >= from)
                      .filter(o -> to == null || o.year() <= to)
                      .filter(o -> provenance == null || o.provenance().name().equals(provenance))
                      .sorted(Comparator.comparing(IndicatorProgressController::sortKey))
                      .toList();
              return Pagination.page(selected, IndicatorProgressController::sortKey, page);
            });
  }

  @SchemaMapping(typeName = "Indicator")
  CompletableFuture<@Nullable Observation> latest(
      Indicator indicator,
      @ContextValue Release release,
      DataLoader<IndicatorKey, List<Observation>> indicatorObservations) {
    return planSeries(indicator, release, indicatorObservations)
        .thenApply(series -> series.isEmpty() ? null : series.get(series.size() - 1));
  }

  @SchemaMapping(typeName = "Indicator")
  Mono<Observation> baseline(Indicator indicator, @ContextValue Release release) {
    return headline(indicator, release).mapNotNull(Progress::baseline);
  }

  @SchemaMapping(typeName = "Indicator", field = "progress")
  Mono<Progress> indicatorProgress(Indicator indicator, @ContextValue Release release) {
    return headline(indicator, release);
  }

  @SchemaMapping(typeName = "Indicator")
  CompletableFuture<List<Series>> comparison(
      Indicator indicator,
      @ContextValue Release release,
      DataLoader<IndicatorKey, List<Observation>> indicatorObservations) {
    return indicatorObservations
        .load(new IndicatorKey(release.number(), indicator.code()))
        .thenCombine(
            progress.of(release.number()).toFuture(),
            (all, rp) -> {
              String own = rp.geographyOfPlan().get(indicator.planCode());
              Map<String, List<Observation>> byPlace =
                  all.stream()
                      .filter(o -> !o.geography().equals(own))
                      .sorted(Comparator.comparing(IndicatorProgressController::sortKey))
                      .collect(
                          Collectors.groupingBy(
                              Observation::geography, java.util.TreeMap::new, Collectors.toList()));
              return byPlace.entrySet().stream()
                  .map(e -> new Series(e.getKey(), e.getValue()))
                  .toList();
            });
  }

  @SchemaMapping(typeName = "Target", field = "progress")
  Mono<Progress> targetProgress(Target target, @ContextValue Release release) {
    return progress.of(release.number()).mapNotNull(rp -> rp.byTarget().get(target.code()));
  }

  @SchemaMapping(typeName = "Target")
  Mono<List<PathPoint>> targetPath(Target target, @ContextValue Release release) {
    return targetProgress(target, release).map(Progress::targetPath);
  }

  @SchemaMapping(typeName = "Plan", field = "progress")
  Mono<ProgressCounts> planProgress(Plan plan, @ContextValue Release release) {
    return counts(release, p -> p.planCode().equals(plan.code()));
  }

  @SchemaMapping(typeName = "Plan")
  Mono<FinalEvaluation> finalEvaluation(Plan plan, @ContextValue Release release) {
    return planProgress(plan, release).map(FinalEvaluation::of);
  }

  @SchemaMapping(typeName = "Area", field = "progress")
  Mono<ProgressCounts> areaProgress(Area area, @ContextValue Release release) {
    return counts(
        release,
        p -> p.planCode().equals(area.planCode()) && Objects.equals(p.areaCode(), area.code()));
  }

  @SchemaMapping(typeName = "Measure", field = "progress")
  Mono<ProgressCounts> measureProgress(Measure measure, @ContextValue Release release) {
    return counts(
        release,
        p ->
            p.planCode().equals(measure.planCode())
                && Objects.equals(p.measureCode(), measure.code()));
  }

  @SchemaMapping(typeName = "TargetGroup", field = "progress")
  Mono<ProgressCounts> targetGroupProgress(TargetGroup group, @ContextValue Release release) {
    return counts(
        release,
        p ->
            p.planCode().equals(group.planCode())
                && Objects.equals(p.targetGroupCode(), group.code()));
  }

  @SchemaMapping(typeName = "Department", field = "progress")
  Mono<ProgressCounts> departmentProgress(Department department, @ContextValue Release release) {
    return counts(release, p -> p.involves(department.code()));
  }

  @SchemaMapping(typeName = "DepartmentScorecard", field = "progress")
  Mono<ProgressCounts> scorecardProgress(
      DepartmentScorecard scorecard, @ContextValue Release release) {
    return counts(release, p -> p.involves(scorecard.departmentCode()));
  }

  private Mono<ProgressCounts> counts(Release release, Predicate<TargetPlacement> which) {
    return progress.of(release.number()).map(rp -> rp.counts(which));
  }

  private Mono<Progress> headline(Indicator indicator, Release release) {
    return progress.of(release.number()).mapNotNull(rp -> rp.byIndicator().get(indicator.code()));
  }

  private CompletableFuture<List<Observation>> planSeries(
      Indicator indicator, Release release, DataLoader<IndicatorKey, List<Observation>> loader) {
    return loader
        .load(new IndicatorKey(release.number(), indicator.code()))
        .thenCombine(
            progress.of(release.number()).toFuture(),
            (all, rp) ->
                ProgressCalculator.annual(
                    all.stream()
                        .filter(
                            o ->
                                o.geography()
                                    .equals(rp.geographyOfPlan().get(indicator.planCode())))
                        .toList()));
  }

  private static String sortKey(Observation observation) {
    return observation.geography()
        + "|"
        + observation.period().code()
        + "|"
        + observation.disaggregation();
  }
}
