package cn.qingtian.portal.indicator;

import cn.qingtian.portal.plan.Plan;
import cn.qingtian.portal.plan.PlanCatalog;
import cn.qingtian.portal.plan.ProgressFilter;
import cn.qingtian.portal.plan.Target;
import cn.qingtian.portal.plan.TargetPlacement;
import cn.qingtian.portal.release.Release;
import cn.qingtian.portal.release.ReleaseCache;
import cn.qingtian.portal.release.ReleaseChanged;
import cn.qingtian.portal.release.ReleasePreparation;
import cn.qingtian.portal.release.ReleaseRepository;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Computes the progress of every target once per release and keeps it until the next release: data
 * changes only at a release (decision D4), so the answer is the same for every request.
 */
@Service
class ProgressService implements ProgressFilter, ReleasePreparation {

  private static final Logger log = LoggerFactory.getLogger(ProgressService.class);

  private final PlanCatalog catalog;
  private final ObservationSource observations;
  private final ReleaseRepository releases;
  private final ReleaseCache<ReleaseProgress> cache = new ReleaseCache<>();

  ProgressService(PlanCatalog catalog, ObservationSource observations, ReleaseRepository releases) {
    this.catalog = catalog;
    this.observations = observations;
    this.releases = releases;
  }

  Mono<ReleaseProgress> of(int release) {
    return cache.get(release, this::compute);
  }

  /**
   * Computed before a new release is served, not by the first requests that need it: on a cold
   * cache, the computation (with the series derived from registries and income tables) takes
   * seconds, and every request arriving meanwhile would wait for it.
   */
  @Override
  public Mono<Void> prepare(Release next) {
    return of(next.number()).then();
  }

  @EventListener
  void releaseChanged(ReleaseChanged changed) {
    if (changed.release().number() > 0) {
      of(changed.release().number())
          .subscribe(
              progress -> {},
              e ->
                  log.warn(
                      "Progress of release #{} not computed ahead: {}",
                      changed.release().number(),
                      e.getMessage()));
    }
  }

  @Override
  public Mono<Set<String>> indicatorCodes(
      int release, @Nullable String status, @Nullable String provenance) {
    return of(release)
        .map(
            progress ->
                progress.byIndicator().entrySet().stream()
                    .filter(e -> status == null || e.getValue().status().name().equals(status))
                    .filter(
                        e ->
                            provenance == null
                                || e.getValue().provenance().name().equals(provenance))
                    .map(Map.Entry::getKey)
                    .collect(Collectors.toSet()));
  }

  private Mono<ReleaseProgress> compute(int release) {
    return Mono.zip(
            catalog.plans(release).collectList(),
            catalog.targets(release).collectList(),
            catalog.placements(release).collectList(),
            observations.observations(release, null).collectList(),
            // Without a release row there is nothing to judge either; the date is then moot.
            releases.byNumber(release).defaultIfEmpty(Release.NONE).map(Release::date))
        .map(all -> calculate(all.getT1(), all.getT2(), all.getT3(), all.getT4(), all.getT5()));
  }

  private static ReleaseProgress calculate(
      List<Plan> plans,
      List<Target> targets,
      List<TargetPlacement> placements,
      List<Observation> all,
      LocalDate releaseDate) {
    Map<String, Plan> planByCode = new HashMap<>();
    plans.forEach(plan -> planByCode.put(plan.code(), plan));
    Map<String, String> planOfTarget = new HashMap<>();
    for (TargetPlacement placement : placements) {
      planOfTarget.put(placement.targetCode(), placement.planCode());
    }
    Map<String, List<Observation>> seriesByKey = new HashMap<>();
    for (Observation observation : all) {
      seriesByKey
          .computeIfAbsent(
              observation.indicatorCode() + "|" + observation.geography(), k -> new ArrayList<>())
          .add(observation);
    }
    Map<String, Progress> byTarget = new LinkedHashMap<>();
    Map<String, List<Progress>> byIndicator = new LinkedHashMap<>();
    for (Target target : targets) {
      Plan plan = planByCode.get(planOfTarget.get(target.code()));
      if (plan == null) {
        continue;
      }
      List<Observation> series =
          seriesByKey.getOrDefault(target.indicatorCode() + "|" + plan.geography(), List.of());
      List<Observation> related =
          target.relatedIndicatorCode() == null
              ? List.of()
              : seriesByKey.getOrDefault(
                  target.relatedIndicatorCode() + "|" + plan.geography(), List.of());
      Progress progress =
          new ProgressCalculator(plan.periodStart(), releaseDate).assess(target, series, related);
      byTarget.put(target.code(), progress);
      byIndicator.computeIfAbsent(target.indicatorCode(), k -> new ArrayList<>()).add(progress);
    }
    Map<String, Progress> headlines = new LinkedHashMap<>();
    byIndicator.forEach((code, list) -> headlines.put(code, ReleaseProgress.headline(list)));
    Map<String, String> geographyOfPlan = new HashMap<>();
    plans.forEach(plan -> geographyOfPlan.put(plan.code(), plan.geography()));
    return new ReleaseProgress(byTarget, headlines, geographyOfPlan, List.copyOf(placements));
  }
}
