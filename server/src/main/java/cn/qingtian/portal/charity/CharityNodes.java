package cn.qingtian.portal.charity;

import cn.qingtian.portal.api.GlobalId;
import cn.qingtian.portal.api.NodeResolver;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Resolves the global IDs of charity organizations. */
@Component
class CharityNodes implements NodeResolver {

  private final CharityRegistry registry;

  CharityNodes(CharityRegistry registry) {
    this.registry = registry;
  }

  @Override
  public Mono<Object> resolve(GlobalId id, int release) {
    if (!id.type().equals("Charity")) {
      return Mono.empty();
    }
    String code = id.parts().get(0);
    return registry.byCode(release, code).cast(Object.class);
  }
}
