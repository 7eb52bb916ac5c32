package cn.qingtian.portal.release;

import cn.qingtian.portal.api.Connection;
import cn.qingtian.portal.api.PageRequest;
import cn.qingtian.portal.api.Pagination;
import org.springframework.graphql.data.method.annotation.Arguments;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** The {@code currentRelease} and {@code releases} queries. */
@Controller
class ReleaseController {

  private final ReleaseRepository releases;

  ReleaseController(ReleaseRepository releases) {
    this.releases = releases;
  }

  @QueryMapping
  Release currentRelease(@ContextValue(name = Release.CONTEXT_KEY) Release release) {
    return release;
  }

  /** The releases up to the one the request reads, newest first. */
  @QueryMapping
  Mono<Connection<Release>> releases(
      @Arguments PageRequest page, @ContextValue(name = Release.CONTEXT_KEY) Release release) {
    return releases
        .all()
        .filter(r -> r.number() <= release.number())
        .collectList()
        .map(
            list ->
                Pagination.page(
                    list, r -> "%010d".formatted(Integer.MAX_VALUE - r.number()), page));
  }
}
