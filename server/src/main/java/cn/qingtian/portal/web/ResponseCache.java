package cn.qingtian.portal.web;

import cn.qingtian.portal.ratelimit.RateLimitStatus;
import cn.qingtian.portal.release.Release;
import cn.qingtian.portal.release.ReleaseChanged;
import graphql.ExecutionResult;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers a query again from memory while the release is the same (a release never changes, D4):
 * the key is the release, the document, the operation, the variables and the extensions. Only whole
 * answers without errors are kept, never a subscription's, and never one that shows the caller's
 * own rate limit. Bounded by the size of the answers' JSON, least recently used first; emptied when
 * another release is served. Runs inside the rate limiter, so an answer from here costs the client
 * the same as any other.
 */
class ResponseCache implements WebGraphQlInterceptor, Ordered {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final long maxBytes;
  private final Map<Key, Answer> answers = new LinkedHashMap<>(256, 0.75f, true);
  private long bytes;

  ResponseCache(ResponseCacheProperties properties) {
    this.maxBytes = properties.maxSize().toBytes();
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE + 30;
  }

  @Override
  public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
    return Mono.deferContextual(
        context ->
            context
                .<Release>getOrEmpty(Release.class)
                .map(release -> answer(release, request, chain))
                .orElseGet(() -> chain.next(request)));
  }

  private Mono<WebGraphQlResponse> answer(Release release, WebGraphQlRequest request, Chain chain) {
    Key key =
        new Key(
            release.number(),
            request.getDocument(),
            request.getOperationName(),
            request.getVariables(),
            request.getExtensions());
    Answer cached = find(key);
    if (cached != null) {
      return Mono.just(
          new WebGraphQlResponse(
              new DefaultExecutionGraphQlResponse(request.toExecutionInput(), cached.result())));
    }
    return chain.next(request).doOnNext(response -> keep(key, response));
  }

  private void keep(Key key, WebGraphQlResponse response) {
    ExecutionResult result = response.getExecutionResult();
    if (!result.getErrors().isEmpty()
        || !(result.getData() instanceof Map)
        || Boolean.TRUE.equals(
            response.getExecutionInput().getGraphQLContext().get(RateLimitStatus.SHOWN))) {
      return;
    }
    long size = JSON.writeValueAsBytes(result.toSpecification()).length;
    if (size > maxBytes / 16) {
      return;
    }
    synchronized (answers) {
      Answer previous = answers.put(key, new Answer(result, size));
      bytes += size - (previous == null ? 0 : previous.size());
      var eldest = answers.entrySet().iterator();
      while (bytes > maxBytes && eldest.hasNext()) {
        bytes -= eldest.next().getValue().size();
        eldest.remove();
      }
    }
  }

  private @Nullable Answer find(Key key) {
    synchronized (answers) {
      return answers.get(key);
    }
  }

  /** The answers of the release served before are not asked for again. */
  @EventListener
  void releaseChanged(ReleaseChanged changed) {
    synchronized (answers) {
      answers.clear();
      bytes = 0;
    }
  }

  private record Key(
      int release,
      String document,
      @Nullable String operationName,
      Map<String, Object> variables,
      Map<String, Object> extensions) {}

  private record Answer(ExecutionResult result, long size) {}
}
