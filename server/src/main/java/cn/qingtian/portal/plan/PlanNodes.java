package cn.qingtian.portal.plan;

import cn.qingtian.portal.api.GlobalId;
import cn.qingtian.portal.api.NodeResolver;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Resolves the global IDs of the plan structure's types. */
@Component
class PlanNodes implements NodeResolver {

  private final PlanRepository plans;

  PlanNodes(PlanRepository plans) {
    this.plans = plans;
  }

  @Override
  public Mono<Object> resolve(GlobalId id, int release) {
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
