package cn.qingtian.portal.plan;

import cn.qingtian.portal.api.BatchResults;
import cn.qingtian.portal.release.Release;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** The {@code Target} type. */
@Controller
class TargetController {

  private final PlanRepository plans;
  private final PlanLookups lookups;

  TargetController(PlanRepository plans, PlanLookups lookups) {
    this.plans = plans;
    this.lookups = lookups;
  }

  @BatchMapping
  Mono<Map<Target, Indicator>> indicator(List<Target> targets, @ContextValue Release release) {
    return lookups.indicators(release.number(), targets, Target::indicatorCode);
  }

  @BatchMapping
  Mono<Map<Target, Indicator>> relatedIndicator(
      List<Target> targets, @ContextValue Release release) {
    return lookups.indicators(release.number(), targets, Target::relatedIndicatorCode);
  }

  @BatchMapping
  Mono<Map<Target, List<TargetQuote>>> quotes(List<Target> targets, @ContextValue Release release) {
    return plans
        .quotes(release.number(), BatchResults.keys(targets, Target::code))
        .collectMultimap(TargetQuote::targetCode)
        .map(byTarget -> BatchResults.children(targets, Target::code, byTarget));
  }
}
