package cn.qingtian.portal.plan;

import cn.qingtian.portal.api.Connection;
import cn.qingtian.portal.api.PageRequest;
import cn.qingtian.portal.api.Pagination;
import cn.qingtian.portal.release.Release;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import org.dataloader.DataLoader;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.Arguments;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** The {@code Department} type and the {@code departments} and {@code department} queries. */
@Controller
class DepartmentController {

  private final PlanRepository plans;
  private final PlanCatalog catalog;

  DepartmentController(PlanRepository plans, PlanCatalog catalog) {
    this.plans = plans;
    this.catalog = catalog;
  }

  @QueryMapping
  Mono<Connection<Department>> departments(
      @Argument @Nullable String kind,
      @Argument @Nullable String plan,
      @Arguments PageRequest page,
      @ContextValue Release release) {
    return plans
        .departments(release.number(), kind, plan, null)
        .collectList()
        .map(list -> Pagination.page(list, Department::sortKey, page));
  }

  @QueryMapping
  Mono<Department> department(@Argument String code, @ContextValue Release release) {
    return plans.departments(release.number(), null, null, Set.of(code)).next();
  }

  @SchemaMapping
  CompletableFuture<Connection<Measure>> measures(
      Department department,
      @Argument @Nullable String role,
      @Argument @Nullable String plan,
      @Arguments PageRequest page,
      @ContextValue Release release,
      DataLoader<Keyed<String>, List<Assignment>> departmentMeasures) {
    return departmentMeasures
        .load(new Keyed<>(release.number(), department.code()))
        .thenApply(
            assignments ->
                Pagination.page(
                    assignments.stream()
                        .filter(a -> role == null || a.responsibility().role().equals(role))
                        .filter(a -> plan == null || a.responsibility().planCode().equals(plan))
                        .sorted(java.util.Comparator.comparing(a -> a.measure().sortKey()))
                        .toList(),
                    a -> a.measure().sortKey(),
                    page,
                    (cursor, a) ->
                        new DepartmentMeasureEdge(
                            cursor,
                            a.responsibility().position(),
                            a.responsibility().role(),
                            a.measure()),
                    Assignment::measure));
  }

  @SchemaMapping
  CompletableFuture<Connection<Indicator>> indicators(
      Department department,
      @Arguments PageRequest page,
      @ContextValue Release release,
      DataLoader<Keyed<String>, List<Indicator>> departmentIndicators) {
    return departmentIndicators
        .load(new Keyed<>(release.number(), department.code()))
        .thenApply(list -> IndicatorController.page(list, page));
  }

  @SchemaMapping
  CompletableFuture<Boolean> namedInDocument(
      Department department,
      @ContextValue Release release,
      DataLoader<Keyed<String>, List<Assignment>> departmentMeasures) {
    // measure_departments holds the document's 责任单位 lists and nothing else
    // (PlanPackageFaithfulnessTest): a unit is named there or it is only the portal's assignment.
    return departmentMeasures
        .load(new Keyed<>(release.number(), department.code()))
        .thenApply(assignments -> !assignments.isEmpty());
  }

  @SchemaMapping
  DepartmentScorecard scorecard(Department department) {
    return new DepartmentScorecard(department.code());
  }

  @SchemaMapping(typeName = "DepartmentScorecard")
  CompletableFuture<List<Measure>> measures(
      DepartmentScorecard scorecard,
      @ContextValue Release release,
      DataLoader<Keyed<String>, List<Assignment>> departmentMeasures) {
    return measuresWhere(scorecard, a -> true, release, departmentMeasures);
  }

  /** Deprecated in the schema: the role only says whether the unit is listed first. */
  @SchemaMapping(typeName = "DepartmentScorecard")
  CompletableFuture<List<Measure>> measuresLed(
      DepartmentScorecard scorecard,
      @ContextValue Release release,
      DataLoader<Keyed<String>, List<Assignment>> departmentMeasures) {
    return measuresWhere(
        scorecard, a -> a.responsibility().role().equals("LEAD"), release, departmentMeasures);
  }

  /** Deprecated in the schema: the role only says whether the unit is listed after the first. */
  @SchemaMapping(typeName = "DepartmentScorecard")
  CompletableFuture<List<Measure>> measuresSupported(
      DepartmentScorecard scorecard,
      @ContextValue Release release,
      DataLoader<Keyed<String>, List<Assignment>> departmentMeasures) {
    return measuresWhere(
        scorecard, a -> a.responsibility().role().equals("SUPPORT"), release, departmentMeasures);
  }

  @SchemaMapping(typeName = "DepartmentScorecard")
  Mono<List<Target>> targets(DepartmentScorecard scorecard, @ContextValue Release release) {
    return catalog.targets(release.number(), p -> p.involves(scorecard.departmentCode()));
  }

  private static CompletableFuture<List<Measure>> measuresWhere(
      DepartmentScorecard scorecard,
      Predicate<Assignment> which,
      Release release,
      DataLoader<Keyed<String>, List<Assignment>> departmentMeasures) {
    return departmentMeasures
        .load(new Keyed<>(release.number(), scorecard.departmentCode()))
        .thenApply(
            assignments ->
                assignments.stream()
                    .filter(which)
                    .map(Assignment::measure)
                    .sorted(java.util.Comparator.comparing(Measure::sortKey))
                    .toList());
  }

  /** An edge from a unit to a measure it is responsible for. */
  record DepartmentMeasureEdge(String cursor, int position, String role, Measure node) {}
}
