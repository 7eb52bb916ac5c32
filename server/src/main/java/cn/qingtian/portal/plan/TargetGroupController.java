package cn.qingtian.portal.plan;

import cn.qingtian.portal.api.Connection;
import cn.qingtian.portal.api.InvalidInputException;
import cn.qingtian.portal.api.PageRequest;
import cn.qingtian.portal.api.Pagination;
import cn.qingtian.portal.messages.UserMessages;
import cn.qingtian.portal.release.Release;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
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
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The {@code TargetGroup} type and the {@code targetGroups} and {@code targetGroup} queries. */
@Controller
class TargetGroupController {

  private final PlanRepository plans;
  private final PlanLookups lookups;

  TargetGroupController(PlanRepository plans, PlanLookups lookups) {
    this.plans = plans;
    this.lookups = lookups;
  }

  @QueryMapping
  Mono<Connection<TargetGroup>> targetGroups(
      @Argument @Nullable String plan, @Arguments PageRequest page, @ContextValue Release release) {
    return groups(release, plan).collectList().map(list -> page(list, page));
  }

  @QueryMapping
  Mono<TargetGroup> targetGroup(
      @Argument String code, @Argument @Nullable String plan, @ContextValue Release release) {
    return groups(release, plan)
        .filter(g -> g.code().equals(code))
        .collectList()
        .flatMap(
            found ->
                found.size() > 1
                    ? Mono.error(
                        new InvalidInputException(UserMessages.get("plan.group.ambiguous", code)))
                    : Mono.justOrEmpty(found.stream().findFirst()));
  }

  @BatchMapping
  Mono<Map<TargetGroup, Plan>> plan(List<TargetGroup> groups, @ContextValue Release release) {
    return lookups.plans(release.number(), groups, TargetGroup::planCode);
  }

  @SchemaMapping
  CompletableFuture<Connection<Measure>> measures(
      TargetGroup group,
      @Arguments PageRequest page,
      @ContextValue Release release,
      DataLoader<Keyed<String>, List<Measure>> groupMeasures) {
    return groupMeasures
        .load(new Keyed<>(release.number(), PlanLookups.key(group.planCode(), group.code())))
        .thenApply(list -> MeasureController.page(list, page));
  }

  private Flux<TargetGroup> groups(Release release, @Nullable String plan) {
    return plan != null
        ? plans.targetGroups(release.number(), List.of(plan))
        : plans
            .plans(release.number(), null)
            .map(Plan::code)
            .collectList()
            .flatMapMany(codes -> plans.targetGroups(release.number(), codes));
  }

  static Connection<TargetGroup> page(List<TargetGroup> groups, PageRequest page) {
    return Pagination.page(
        groups.stream().sorted(Comparator.comparing(TargetGroupController::sortKey)).toList(),
        TargetGroupController::sortKey,
        page);
  }

  private static String sortKey(TargetGroup group) {
    return "%s|%04d".formatted(group.planCode(), group.number());
  }
}
