package cn.qingtian.portal.plan;

import cn.qingtian.portal.api.GlobalId;
import cn.qingtian.portal.api.InvalidInputException;
import cn.qingtian.portal.release.Release;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Global object identification: {@code node(id)} and {@code nodes(ids)}. */
@Controller
class NodeController {

  private static final int MAX_IDS = 100;

  private final PlanRepository plans;

  NodeController(PlanRepository plans) {
    this.plans = plans;
  }

  @QueryMapping
  Mono<Object> node(@Argument String id, @ContextValue Release release) {
    return find(GlobalId.parse(id), release.number());
  }

  @QueryMapping
  Mono<List<Optional<Object>>> nodes(@Argument List<String> ids, @ContextValue Release release) {
    if (ids.size() > MAX_IDS) {
      throw new InvalidInputException(
          "ids 最多 "
              + MAX_IDS
              + " 个（收到 "
              + ids.size()
              + "）/ at most "
              + MAX_IDS
              + " ids (got "
              + ids.size()
              + ")");
    }
    return Flux.fromIterable(ids)
        .map(GlobalId::parse)
        .concatMap(
            id -> find(id, release.number()).map(Optional::of).defaultIfEmpty(Optional.empty()))
        .collectList();
  }

  private Mono<Object> find(GlobalId id, int release) {
    List<String> parts = id.parts();
    String first = parts.get(0);
    String second = parts.size() > 1 ? parts.get(1) : "";
    Flux<?> found =
        switch (id.type()) {
          case "Plan" -> plans.plans(release, Set.of(first));
          case "Area" -> plans.areas(release, Set.of(first)).filter(a -> a.code().equals(second));
          case "Section" ->
              plans.sections(release, Set.of(first)).filter(s -> s.code().equals(second));
          case "TargetGroup" ->
              plans.targetGroups(release, Set.of(first)).filter(g -> g.code().equals(second));
          case "Measure" -> plans.measuresWhere(release, "code", Set.of(first + "/" + second));
          case "Department" -> plans.departments(release, null, null, Set.of(first));
          case "Indicator" -> plans.indicatorsWhere(release, "code", Set.of(first));
          case "Target" -> plans.targetsByCode(release, Set.of(first));
          default -> Flux.empty();
        };
    return found.next().cast(Object.class);
  }
}
