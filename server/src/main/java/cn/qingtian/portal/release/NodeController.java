package cn.qingtian.portal.release;

import cn.qingtian.portal.api.GlobalId;
import cn.qingtian.portal.api.InvalidInputException;
import cn.qingtian.portal.api.NodeResolver;
import cn.qingtian.portal.messages.UserMessages;
import java.util.List;
import java.util.Optional;
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

  private final List<NodeResolver> resolvers;

  NodeController(List<NodeResolver> resolvers) {
    this.resolvers = resolvers;
  }

  @QueryMapping
  Mono<Object> node(@Argument String id, @ContextValue Release release) {
    return find(GlobalId.parse(id), release.number());
  }

  @QueryMapping
  Mono<List<Optional<Object>>> nodes(@Argument List<String> ids, @ContextValue Release release) {
    if (ids.size() > MAX_IDS) {
      throw new InvalidInputException(UserMessages.get("api.nodes.tooMany", MAX_IDS, ids.size()));
    }
    return Flux.fromIterable(ids)
        .map(GlobalId::parse)
        .concatMap(
            id -> find(id, release.number()).map(Optional::of).defaultIfEmpty(Optional.empty()))
        .collectList();
  }

  private Mono<Object> find(GlobalId id, int release) {
    return Flux.fromIterable(resolvers).concatMap(r -> r.resolve(id, release)).next();
  }
}
