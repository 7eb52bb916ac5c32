package cn.qingtian.portal.indicator;

import cn.qingtian.portal.api.GlobalId;
import cn.qingtian.portal.api.NodeResolver;
import java.util.Set;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Resolves the global IDs of geographies and sources. */
@Component
class IndicatorNodes implements NodeResolver {

  private final IndicatorRepository repository;

  IndicatorNodes(IndicatorRepository repository) {
    this.repository = repository;
  }

  @Override
  public Mono<Object> resolve(GlobalId id, int release) {
    Set<String> code = Set.of(id.parts().get(0));
    Flux<?> found =
        switch (id.type()) {
          case "Geography" -> repository.geographies(release, code);
          case "Source" -> repository.sources(release, code);
          default -> Flux.empty();
        };
    return found.next().cast(Object.class);
  }
}
