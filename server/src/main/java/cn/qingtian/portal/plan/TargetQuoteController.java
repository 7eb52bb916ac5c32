package cn.qingtian.portal.plan;

import cn.qingtian.portal.release.Release;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** The {@code TargetQuote} type. */
@Controller
class TargetQuoteController {

  private final PlanLookups lookups;

  TargetQuoteController(PlanLookups lookups) {
    this.lookups = lookups;
  }

  @BatchMapping
  Mono<Map<TargetQuote, Area>> area(List<TargetQuote> quotes, @ContextValue Release release) {
    return lookups.areas(release.number(), quotes, TargetQuote::planCode, TargetQuote::areaCode);
  }

  @BatchMapping
  Mono<Map<TargetQuote, Measure>> measure(List<TargetQuote> quotes, @ContextValue Release release) {
    return lookups.measures(
        release.number(), quotes, TargetQuote::planCode, TargetQuote::measureCode);
  }
}
