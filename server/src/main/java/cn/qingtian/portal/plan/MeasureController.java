package cn.qingtian.portal.plan;

import cn.qingtian.portal.api.BatchResults;
import cn.qingtian.portal.api.Connection;
import cn.qingtian.portal.api.InvalidInputException;
import cn.qingtian.portal.api.PageRequest;
import cn.qingtian.portal.api.Pagination;
import cn.qingtian.portal.messages.UserMessages;
import cn.qingtian.portal.release.Release;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
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
import reactor.core.publisher.Mono;

/** The {@code Measure} type and the {@code measures} and {@code measure} queries. */
@Controller
class MeasureController {

  private final PlanRepository plans;
  private final PlanLookups lookups;
  private final PlanCatalog catalog;

  MeasureController(PlanRepository plans, PlanLookups lookups, PlanCatalog catalog) {
    this.plans = plans;
    this.lookups = lookups;
    this.catalog = catalog;
  }

  @QueryMapping
  Mono<Connection<Measure>> measures(
      @Arguments MeasureFilter filter, @Arguments PageRequest page, @ContextValue Release release) {
    return plans.measures(release.number(), filter).collectList().map(list -> page(list, page));
  }

  @QueryMapping
  Mono<Measure> measure(
      @Argument String code, @Argument @Nullable String plan, @ContextValue Release release) {
    return plans
        .measures(release.number(), new MeasureFilter(plan, null, null, null, null, null))
        .filter(m -> m.code().equals(code))
        .collectList()
        .flatMap(
            found -> {
              if (found.size() > 1) {
                return Mono.error(
                    new InvalidInputException(UserMessages.get("plan.measure.ambiguous", code)));
              }
              return Mono.justOrEmpty(found.stream().findFirst());
            });
  }

  @BatchMapping
  Mono<Map<Measure, Plan>> plan(List<Measure> measures, @ContextValue Release release) {
    return lookups.plans(release.number(), measures, Measure::planCode);
  }

  @BatchMapping
  Mono<Map<Measure, Section>> section(List<Measure> measures, @ContextValue Release release) {
    return PlanLookups.parents(
        measures,
        m -> PlanLookups.key(m.planCode(), m.sectionCode()),
        keys -> plans.sections(release.number(), planCodes(measures)),
        s -> PlanLookups.key(s.planCode(), s.code()));
  }

  @BatchMapping
  Mono<Map<Measure, TargetGroup>> targetGroup(
      List<Measure> measures, @ContextValue Release release) {
    return PlanLookups.parents(
        measures,
        m -> PlanLookups.key(m.planCode(), m.targetGroupCode()),
        keys -> plans.targetGroups(release.number(), planCodes(measures)),
        g -> PlanLookups.key(g.planCode(), g.code()));
  }

  @SchemaMapping
  CompletableFuture<Connection<Department>> departments(
      Measure measure,
      @Argument @Nullable String role,
      @Arguments PageRequest page,
      @ContextValue Release release,
      DataLoader<Keyed<String>, List<Assignment>> measureUnits) {
    return measureUnits
        .load(new Keyed<>(release.number(), PlanLookups.key(measure.planCode(), measure.code())))
        .thenApply(
            assignments ->
                Pagination.page(
                    assignments.stream()
                        .filter(a -> role == null || a.responsibility().role().equals(role))
                        .toList(),
                    a -> "%04d".formatted(a.responsibility().position()),
                    page,
                    (cursor, a) ->
                        new ResponsibleUnitEdge(
                            cursor,
                            a.responsibility().position(),
                            a.responsibility().role(),
                            a.department()),
                    Assignment::department));
  }

  @SchemaMapping
  CompletableFuture<Connection<Indicator>> indicators(
      Measure measure,
      @Arguments PageRequest page,
      @ContextValue Release release,
      DataLoader<Keyed<String>, List<Indicator>> measureIndicators) {
    return measureIndicators
        .load(new Keyed<>(release.number(), PlanLookups.key(measure.planCode(), measure.code())))
        .thenApply(list -> IndicatorController.page(list, page));
  }

  @BatchMapping
  Mono<Map<Measure, List<Target>>> targets(List<Measure> measures, @ContextValue Release release) {
    return catalog
        .placedTargets(release.number())
        .map(
            all -> {
              Map<String, Collection<Target>> byMeasure = new HashMap<>();
              for (PlanCatalog.PlacedTarget p : all) {
                String measure =
                    PlanLookups.key(p.placement().planCode(), p.placement().measureCode());
                if (measure != null) {
                  byMeasure.computeIfAbsent(measure, k -> new ArrayList<>()).add(p.target());
                }
              }
              return BatchResults.children(
                  measures, m -> PlanLookups.key(m.planCode(), m.code()), byMeasure);
            });
  }

  static Connection<Measure> page(List<Measure> measures, PageRequest page) {
    return Pagination.page(
        measures.stream().sorted(Comparator.comparing(Measure::sortKey)).toList(),
        Measure::sortKey,
        page);
  }

  private static List<String> planCodes(List<Measure> measures) {
    return measures.stream().map(Measure::planCode).distinct().toList();
  }

  /** An edge from a measure to one of its responsible units. */
  record ResponsibleUnitEdge(String cursor, int position, String role, Department node) {}
}
