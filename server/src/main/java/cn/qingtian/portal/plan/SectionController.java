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

/** The {@code Section} type. */
@Controller
class SectionController {

  private final PlanLookups lookups;

  SectionController(PlanLookups lookups) {
    this.lookups = lookups;
  }

  @BatchMapping
  Mono<Map<Section, Plan>> plan(List<Section> sections, @ContextValue Release release) {
    return lookups.plans(release.number(), sections, Section::planCode);
  }

  @SchemaMapping
  CompletableFuture<Connection<Measure>> measures(
      Section section,
      @Arguments PageRequest page,
      @ContextValue Release release,
      DataLoader<Keyed<String>, List<Measure>> sectionMeasures) {
    return sectionMeasures
        .load(new Keyed<>(release.number(), PlanLookups.key(section.planCode(), section.code())))
        .thenApply(list -> MeasureController.page(list, page));
  }
}
