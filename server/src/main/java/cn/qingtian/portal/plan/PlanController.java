package cn.qingtian.portal.plan;

import cn.qingtian.portal.api.BatchResults;
import cn.qingtian.portal.api.Connection;
import cn.qingtian.portal.api.Edge;
import cn.qingtian.portal.api.GlobalId;
import cn.qingtian.portal.api.PageRequest;
import cn.qingtian.portal.api.Pagination;
import cn.qingtian.portal.plan.PlanDataLoaders.LinkedPlan;
import cn.qingtian.portal.release.Release;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.dataloader.DataLoader;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.Arguments;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** The {@code Plan} type and the {@code plans} and {@code plan} queries. */
@Controller
class PlanController {

  private final PlanRepository plans;

  PlanController(PlanRepository plans) {
    this.plans = plans;
  }

  @QueryMapping
  Mono<Connection<Plan>> plans(@Arguments PageRequest page, @ContextValue Release release) {
    return plans
        .plans(release.number(), null)
        .collectList()
        .map(
            list ->
                Pagination.page(
                    list.stream().sorted(Comparator.comparing(PlanController::sortKey)).toList(),
                    PlanController::sortKey,
                    page));
  }

  @QueryMapping
  Mono<Plan> plan(
      @Argument @Nullable String id,
      @Argument @Nullable String code,
      @ContextValue Release release) {
    return plans.plans(release.number(), Set.of(GlobalId.codeOf(id, code, "Plan"))).next();
  }

  @BatchMapping
  Mono<Map<Plan, List<Principle>>> principles(List<Plan> list, @ContextValue Release release) {
    return plans
        .principles(release.number(), BatchResults.keys(list, Plan::code))
        .collectMultimap(Principle::planCode)
        .map(byPlan -> BatchResults.children(list, Plan::code, byPlan));
  }

  @BatchMapping
  Mono<Map<Plan, List<Area>>> areas(List<Plan> list, @ContextValue Release release) {
    return plans
        .areas(release.number(), BatchResults.keys(list, Plan::code))
        .collectMultimap(Area::planCode)
        .map(byPlan -> BatchResults.children(list, Plan::code, byPlan));
  }

  @BatchMapping
  Mono<Map<Plan, List<Section>>> sections(List<Plan> list, @ContextValue Release release) {
    return plans
        .sections(release.number(), BatchResults.keys(list, Plan::code))
        .collectMultimap(Section::planCode)
        .map(byPlan -> BatchResults.children(list, Plan::code, byPlan));
  }

  @SchemaMapping
  CompletableFuture<Connection<Plan>> parentPlans(
      Plan plan,
      @Arguments PageRequest page,
      @ContextValue Release release,
      DataLoader<Keyed<String>, List<LinkedPlan>> parentPlans) {
    return linked(plan, page, release, parentPlans);
  }

  @SchemaMapping
  CompletableFuture<Connection<Plan>> childPlans(
      Plan plan,
      @Arguments PageRequest page,
      @ContextValue Release release,
      DataLoader<Keyed<String>, List<LinkedPlan>> childPlans) {
    return linked(plan, page, release, childPlans);
  }

  @SchemaMapping
  CompletableFuture<Connection<Measure>> measures(
      Plan plan,
      @Argument @Nullable String kind,
      @Arguments PageRequest page,
      @ContextValue Release release,
      DataLoader<Keyed<String>, List<Measure>> planMeasures) {
    return planMeasures
        .load(new Keyed<>(release.number(), plan.code()))
        .thenApply(
            list ->
                MeasureController.page(
                    list.stream()
                        .filter(m -> kind == null || m.kind().name().equals(kind))
                        .toList(),
                    page));
  }

  @SchemaMapping
  CompletableFuture<Connection<TargetGroup>> targetGroups(
      Plan plan,
      @Arguments PageRequest page,
      @ContextValue Release release,
      DataLoader<Keyed<String>, List<TargetGroup>> planTargetGroups) {
    return planTargetGroups
        .load(new Keyed<>(release.number(), plan.code()))
        .thenApply(list -> TargetGroupController.page(list, page));
  }

  @SchemaMapping
  CompletableFuture<Connection<Indicator>> indicators(
      Plan plan,
      @Arguments PageRequest page,
      @ContextValue Release release,
      DataLoader<Keyed<String>, List<Indicator>> planIndicators) {
    return planIndicators
        .load(new Keyed<>(release.number(), plan.code()))
        .thenApply(list -> IndicatorController.page(list, page));
  }

  private static CompletableFuture<Connection<Plan>> linked(
      Plan plan,
      PageRequest page,
      Release release,
      DataLoader<Keyed<String>, List<LinkedPlan>> loader) {
    return loader
        .load(new Keyed<>(release.number(), plan.code()))
        .thenApply(
            links ->
                Pagination.page(
                    links.stream().sorted(Comparator.comparingInt(LinkedPlan::position)).toList(),
                    link -> "%04d".formatted(link.position()),
                    page,
                    (cursor, link) -> new Edge<>(cursor, link.plan()),
                    LinkedPlan::plan));
  }

  static String sortKey(Plan plan) {
    int level =
        switch (plan.level()) {
          case COUNTY -> 1;
          case CITY -> 2;
          case PROVINCE -> 3;
        };
    return level + "|" + (plan.issueDate() == null ? 1 : 0) + "|" + plan.code();
  }
}
