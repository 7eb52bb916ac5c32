package cn.qingtian.portal.plan;

import cn.qingtian.portal.api.Connection;
import cn.qingtian.portal.api.PageRequest;
import cn.qingtian.portal.release.Release;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.dataloader.DataLoader;
import org.springframework.graphql.data.method.annotation.Arguments;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** The {@code Area} type. */
@Controller
class AreaController {

  private final PlanLookups lookups;

  AreaController(PlanLookups lookups) {
    this.lookups = lookups;
  }

  @BatchMapping
  Mono<Map<Area, Plan>> plan(List<Area> areas, @ContextValue Release release) {
    return lookups.plans(release.number(), areas, Area::planCode);
  }

  @SchemaMapping
  CompletableFuture<Connection<Indicator>> indicators(
      Area area,
      @Arguments PageRequest page,
      @ContextValue Release release,
      DataLoader<Keyed<String>, List<Indicator>> areaIndicators) {
    return areaIndicators
        .load(new Keyed<>(release.number(), PlanLookups.key(area.planCode(), area.code())))
        .thenApply(list -> IndicatorController.page(list, page));
  }
}
