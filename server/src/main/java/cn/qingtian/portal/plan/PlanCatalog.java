package cn.qingtian.portal.plan;

import cn.qingtian.portal.architecture.FeatureInterface;
import cn.qingtian.portal.release.ReleaseCache;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** What other features read of a release's plan structure: all plans, indicators and targets. */
@FeatureInterface
@Component
public class PlanCatalog {

  private final PlanRepository plans;
  private final DatabaseClient database;
  private final ReleaseCache<List<PlacedTarget>> placed = new ReleaseCache<>();

  PlanCatalog(PlanRepository plans, DatabaseClient database) {
    this.plans = plans;
    this.database = database;
  }

  public Flux<Plan> plans(int release) {
    return plans.plans(release, null);
  }

  public Flux<Target> targets(int release) {
    return plans.allTargets(release);
  }

  /** Measures by {@code plan/code} key. */
  public Flux<Measure> measures(int release, Collection<String> planSlashCode) {
    return plans.measuresWhere(release, "code", planSlashCode);
  }

  public Flux<TargetGroup> targetGroups(int release, Collection<String> planCodes) {
    return plans.targetGroups(release, planCodes);
  }

  public Flux<Department> departments(int release, Collection<String> codes) {
    return plans.departments(release, null, null, codes);
  }

  public Flux<Indicator> indicators(int release, Collection<String> codes) {
    return plans.indicatorsWhere(release, "code", codes);
  }

  /** A target with its place in the plan. */
  record PlacedTarget(Target target, TargetPlacement placement) {}

  /**
   * Every target of the release with its placement, in the order of the indicators and targets:
   * read once per release (two statements) and reused by every request that filters targets.
   */
  Mono<List<PlacedTarget>> placedTargets(int release) {
    return placed.get(
        release,
        number ->
            Mono.zip(placements(number).collectList(), targets(number).collectList())
                .map(
                    t -> {
                      Map<String, TargetPlacement> byTarget =
                          t.getT1().stream()
                              .collect(
                                  Collectors.toMap(
                                      TargetPlacement::targetCode, p -> p, (a, b) -> a));
                      return t.getT2().stream()
                          .filter(target -> byTarget.containsKey(target.code()))
                          .map(target -> new PlacedTarget(target, byTarget.get(target.code())))
                          .toList();
                    }));
  }

  /** The targets whose placement matches, in the order of the indicators and targets. */
  public Mono<List<Target>> targets(int release, Predicate<TargetPlacement> which) {
    return placedTargets(release)
        .map(
            all ->
                all.stream()
                    .filter(p -> which.test(p.placement()))
                    .map(PlacedTarget::target)
                    .toList());
  }

  /** Every target with its place in the plan, in one statement. */
  public Flux<TargetPlacement> placements(int release) {
    return Sql.select(
            "select t.code as target, i.code as indicator, i.plan, i.area, i.measure,"
                + " m.target_group, (select string_agg(md.department, ',' order by md.seq) from"
                + " measure_departments md where md.plan = i.plan and md.measure = i.measure and "
                + Sql.inRelease("md")
                + ") as departments from targets t join indicators i on i.code = t.indicator and "
                + Sql.inRelease("i")
                + " left join measures m on m.plan = i.plan and m.code = i.measure and "
                + Sql.inRelease("m"),
            "t",
            release)
        .on(database)
        .map(
            row -> {
              String departments = row.get("departments", String.class);
              return new TargetPlacement(
                  row.get("target", String.class),
                  row.get("indicator", String.class),
                  row.get("plan", String.class),
                  row.get("area", String.class),
                  row.get("measure", String.class),
                  row.get("target_group", String.class),
                  departments == null ? List.of() : Arrays.asList(departments.split(",")));
            })
        .all();
  }
}
