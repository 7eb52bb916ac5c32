package cn.qingtian.portal.release;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Pins each request to one release (decision D4): the release is read once, put into the GraphQL
 * context for every data fetcher, and named in the response's {@code extensions.release}.
 */
@Component
class ReleaseInterceptor implements WebGraphQlInterceptor, Ordered {

  private final CurrentRelease currentRelease;

  ReleaseInterceptor(CurrentRelease currentRelease) {
    this.currentRelease = currentRelease;
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }

  @Override
  public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
    Release release = currentRelease.get();
    request.configureExecutionInput(
        (input, builder) -> builder.graphQLContext(Map.of(Release.CONTEXT_KEY, release)).build());
    return chain
        .next(request)
        // For the interceptors after this one: the response cache keys its answers by release.
        .contextWrite(context -> context.put(Release.class, release))
        .map(
            response ->
                response.transform(builder -> builder.extensions(named(response, release))));
  }

  private static Map<Object, Object> named(WebGraphQlResponse response, Release release) {
    Map<Object, Object> extensions = new LinkedHashMap<>(response.getExtensions());
    extensions.put("release", Map.of("number", release.number(), "version", release.version()));
    return extensions;
  }
}
