package cn.qingtian.portal.web;

import cn.qingtian.portal.ratelimit.RateLimitStatus;
import cn.qingtian.portal.release.Release;
import cn.qingtian.portal.release.ReleaseChanged;
import cn.qingtian.portal.release.ReleasePreparation;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.graphql.ExecutionGraphQlService;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlRequest;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers a query again from memory while the release is the same (a release never changes, D4):
 * the key is the release, the document, the operation, the variables and the extensions. Only whole
 * answers without errors are kept, never a subscription's, and never one about the caller (a
 * document that selects its {@code rateLimit}, or an answer that showed it: {@link
 * PerClientAnswers}). Bounded by the size of the answers' JSON (Caffeine, weighed in bytes; an
 * answer above a sixteenth of the bound is not kept); emptied when another release is served, after
 * the hottest were answered again for it ({@link #prepare}). Runs inside the rate limiter, so an
 * answer from here costs the client the same as any other.
 */
class ResponseCache implements WebGraphQlInterceptor, ReleasePreparation, Ordered {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final long maxBytes;
  private final int warmUpQueries;
  private final ObjectProvider<ExecutionGraphQlService> graphQl;
  private final Cache<Key, Answer> answers;

  ResponseCache(
      ResponseCacheProperties properties, ObjectProvider<ExecutionGraphQlService> graphQl) {
    this.maxBytes = properties.maxSize().toBytes();
    this.answers =
        Caffeine.newBuilder()
            .executor(Runnable::run)
            .maximumWeight(maxBytes)
            .<Key, Answer>weigher((key, answer) -> (int) Math.min(Integer.MAX_VALUE, answer.size()))
            .build();
    this.warmUpQueries = properties.warmUpQueries();
    this.graphQl = graphQl;
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
    if (PerClientAnswers.selectsPerClientFields(request.getDocument())) {
      return chain.next(request); // about the caller: never kept, never answered from here
    }
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
    return chain
        .next(request)
        .doOnNext(
            response -> keep(key, response.getExecutionResult(), response.getExecutionInput()));
  }

  /**
   * Answers the hottest queries of the release served now again for {@code next}, before it is
   * served: the queries every visitor's page asks are answered from memory from the first second of
   * the new release, rather than all computed at once under full load. Two at a time, so the
   * release being served keeps most of the machine.
   */
  @Override
  public Mono<Void> prepare(Release next) {
    List<Key> hottest =
        answers
            .policy()
            .eviction()
            .map(eviction -> List.copyOf(eviction.hottest(warmUpQueries).keySet()))
            .orElseGet(List::of); // hottest first
    return Flux.fromIterable(hottest)
        .filter(key -> key.release() != next.number())
        .flatMap(key -> answerAgain(key, next), 2)
        .then();
  }

  private Mono<Void> answerAgain(Key key, Release next) {
    var request =
        new DefaultExecutionGraphQlRequest(
            key.document(),
            key.operationName(),
            key.variables(),
            key.extensions(),
            "warm-up-" + next.number(),
            null);
    request.configureExecutionInput(
        (input, builder) -> builder.graphQLContext(Map.of(Release.CONTEXT_KEY, next)).build());
    return graphQl
        .getObject()
        .execute(request)
        .doOnNext(
            response ->
                keep(key.in(next), response.getExecutionResult(), response.getExecutionInput()))
        .onErrorResume(e -> Mono.empty())
        .then();
  }

  private void keep(Key key, ExecutionResult result, ExecutionInput input) {
    if (!result.getErrors().isEmpty()
        || !(result.getData() instanceof Map)
        || Boolean.TRUE.equals(input.getGraphQLContext().get(RateLimitStatus.SHOWN))) {
      return;
    }
    long size = JSON.writeValueAsBytes(result.toSpecification()).length;
    if (size > maxBytes / 16) {
      return;
    }
    answers.put(key, new Answer(result, size));
  }

  private @Nullable Answer find(Key key) {
    return answers.getIfPresent(key);
  }

  /** The answers of the release served before are not asked for again. */
  @EventListener
  void releaseChanged(ReleaseChanged changed) {
    answers.asMap().keySet().removeIf(key -> key.release() != changed.release().number());
  }

  private record Key(
      int release,
      String document,
      @Nullable String operationName,
      Map<String, Object> variables,
      Map<String, Object> extensions) {

    Key in(Release other) {
      return new Key(other.number(), document, operationName, variables, extensions);
    }
  }

  private record Answer(ExecutionResult result, long size) {}
}
