package cn.qingtian.portal.achievement;

import cn.qingtian.portal.api.Connection;
import cn.qingtian.portal.api.GlobalId;
import cn.qingtian.portal.api.PageRequest;
import cn.qingtian.portal.api.Pagination;
import cn.qingtian.portal.indicator.Source;
import cn.qingtian.portal.indicator.Sources;
import cn.qingtian.portal.plan.Department;
import cn.qingtian.portal.plan.DepartmentScorecard;
import cn.qingtian.portal.plan.Indicator;
import cn.qingtian.portal.plan.Measure;
import cn.qingtian.portal.plan.PlanCatalog;
import cn.qingtian.portal.plan.TargetGroup;
import cn.qingtian.portal.release.Release;
import graphql.GraphQLContext;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.Arguments;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The {@code Achievement} type, the {@code achievements} and {@code achievement} queries, {@code
 * Measure.achievements}, the achievements of a department's scorecard, and the {@code
 * achievementPublished} subscription.
 */
@Controller
class AchievementController {

  private final Achievements achievements;
  private final AchievementPublisher publisher;
  private final PlanCatalog catalog;
  private final Sources sources;

  AchievementController(
      Achievements achievements,
      AchievementPublisher publisher,
      PlanCatalog catalog,
      Sources sources) {
    this.achievements = achievements;
    this.publisher = publisher;
    this.catalog = catalog;
    this.sources = sources;
  }

  @QueryMapping(name = "achievements")
  Mono<Connection<Achievement>> achievementList(
      @Arguments AchievementFilter filter,
      @Arguments PageRequest page,
      @ContextValue Release release) {
    return page(release, filter.predicate(), page);
  }

  @QueryMapping
  Mono<Achievement> achievement(
      @Argument @Nullable String id,
      @Argument @Nullable String code,
      @ContextValue Release release) {
    String wanted = GlobalId.codeOf(id, code, "Achievement");
    return achievements.byCode(release.number(), wanted);
  }

  @SchemaMapping(typeName = "Measure", field = "achievements")
  Mono<Connection<Achievement>> measureAchievements(
      Measure measure, @Arguments PageRequest page, @ContextValue Release release) {
    return page(
        release,
        a ->
            a.measures().stream()
                .anyMatch(
                    m -> m.plan().equals(measure.planCode()) && m.code().equals(measure.code())),
        page);
  }

  @SchemaMapping(typeName = "DepartmentScorecard", field = "achievements")
  Mono<Connection<Achievement>> scorecardAchievements(
      DepartmentScorecard scorecard, @Arguments PageRequest page, @ContextValue Release release) {
    return page(release, naming(scorecard), page);
  }

  @SchemaMapping(typeName = "DepartmentScorecard")
  Mono<Integer> achievementCount(DepartmentScorecard scorecard, @ContextValue Release release) {
    return achievements
        .all(release.number())
        .map(all -> (int) all.stream().filter(naming(scorecard)).count());
  }

  @SchemaMapping(typeName = "DepartmentScorecard")
  Mono<String> lastUpdate(DepartmentScorecard scorecard, @ContextValue Release release) {
    return achievements
        .all(release.number())
        .mapNotNull(
            all ->
                all.stream()
                    .filter(naming(scorecard))
                    .map(Achievement::date)
                    .findFirst()
                    .orElse(null));
  }

  @SubscriptionMapping
  Flux<Achievement> achievementPublished(GraphQLContext context) {
    // Each achievement is resolved against the release that published it, not the one current
    // when the subscription started: the subscription's context moves on with each event (events
    // are resolved one after another, so each sees its own release).
    return publisher
        .published()
        .map(
            p -> {
              context.put(Release.CONTEXT_KEY, p.release());
              return p.achievement();
            });
  }

  @BatchMapping(typeName = "Achievement")
  Mono<Map<Achievement, List<Measure>>> measures(
      List<Achievement> list, @ContextValue Release release) {
    return catalog
        .measures(
            release.number(),
            keys(list, a -> a.measures().stream().map(m -> m.plan() + "/" + m.code())))
        .collectMap(m -> m.planCode() + "/" + m.code())
        .map(
            byKey ->
                each(
                    list,
                    a -> a.measures().stream().map(m -> byKey.get(m.plan() + "/" + m.code()))));
  }

  @BatchMapping(typeName = "Achievement")
  Mono<Map<Achievement, List<TargetGroup>>> targetGroups(
      List<Achievement> list, @ContextValue Release release) {
    return catalog
        .targetGroups(
            release.number(),
            keys(list, a -> a.measures().stream().map(Achievement.MeasureRef::plan)))
        .collectMap(g -> g.planCode() + "/" + g.code())
        .map(
            byKey ->
                each(
                    list,
                    a ->
                        a.measures().stream()
                            .filter(m -> m.targetGroup() != null)
                            .map(m -> m.plan() + "/" + m.targetGroup())
                            .distinct()
                            .map(byKey::get)));
  }

  @BatchMapping(typeName = "Achievement")
  Mono<Map<Achievement, List<Department>>> departments(
      List<Achievement> list, @ContextValue Release release) {
    return catalog
        .departments(release.number(), keys(list, a -> a.departmentCodes().stream()))
        .collectMap(Department::code)
        .map(byCode -> each(list, a -> a.departmentCodes().stream().map(byCode::get)));
  }

  @BatchMapping(typeName = "Achievement", field = "source")
  Mono<Map<Achievement, Source>> source(List<Achievement> list, @ContextValue Release release) {
    return sources.citedBy(release.number(), list, Achievement::sourceCode);
  }

  @BatchMapping(typeName = "AchievementOutput")
  Mono<Map<AchievementOutput, Indicator>> indicator(
      List<AchievementOutput> outputs, @ContextValue Release release) {
    return catalog
        .indicators(
            release.number(),
            outputs.stream()
                .map(AchievementOutput::indicatorCode)
                .filter(Objects::nonNull)
                .collect(Collectors.toSet()))
        .collectMap(Indicator::code)
        .map(
            byCode ->
                outputs.stream()
                    .filter(o -> o.indicatorCode() != null && byCode.containsKey(o.indicatorCode()))
                    .collect(Collectors.toMap(o -> o, o -> byCode.get(o.indicatorCode()))));
  }

  private Mono<Connection<Achievement>> page(
      Release release, Predicate<Achievement> which, PageRequest page) {
    return achievements
        .all(release.number())
        .map(
            all ->
                Pagination.page(all.stream().filter(which).toList(), Achievement::sortKey, page));
  }

  private static Predicate<Achievement> naming(DepartmentScorecard scorecard) {
    return a -> a.departmentCodes().contains(scorecard.departmentCode());
  }

  private static java.util.Set<String> keys(
      List<Achievement> list, Function<Achievement, java.util.stream.Stream<String>> keys) {
    return list.stream().flatMap(keys).collect(Collectors.toSet());
  }

  /** Each achievement's list of looked-up objects, in its own order; unknown keys are left out. */
  private static <T> Map<Achievement, List<T>> each(
      List<Achievement> list, Function<Achievement, java.util.stream.Stream<T>> lookup) {
    return list.stream()
        .collect(
            Collectors.toMap(
                a -> a, a -> lookup.apply(a).filter(Objects::nonNull).toList(), (x, y) -> x));
  }
}
