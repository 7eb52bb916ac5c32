package cn.qingtian.portal.ratelimit;

import java.util.Map;
import java.util.Set;
import org.springframework.core.Ordered;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import reactor.core.publisher.Mono;

/**
 * Charges each query's cost to its client once it has run, from the answer's {@code
 * extensions.cost.requestedQueryCost}, and puts the client into the GraphQL context for {@link
 * RateLimitInstrumentation} and the {@code rateLimit} field. A query refused before it ran (it did
 * not parse or validate, or was too deep, too large or too expensive) costs no points but counts as
 * one of the client's refused queries; a query refused for what is left of the window is neither
 * charged nor counted, and its answer becomes a 429.
 */
class RateLimitInterceptor implements WebGraphQlInterceptor, Ordered {

  /** The GraphQL context key naming the client. */
  static final String CLIENT = RateLimitInterceptor.class.getName() + ".client";

  /**
   * Answers without data that are a step of a protocol rather than a refusal: Apollo's persisted
   * queries start with an unknown hash.
   */
  private static final Set<String> NOT_REFUSALS = Set.of("PERSISTED_QUERY_NOT_FOUND");

  private final RateLimiter limiter;

  RateLimitInterceptor(RateLimiter limiter) {
    this.limiter = limiter;
  }

  @Override
  public int getOrder() {
    // Outside the response cache, so a cached answer is charged as any other.
    return Ordered.HIGHEST_PRECEDENCE + 20;
  }

  @Override
  public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
    if (!(request.getAttributes().get(Charge.ATTRIBUTE) instanceof Charge charge)) {
      return chain.next(request);
    }
    String client = charge.client();
    request.configureExecutionInput(
        (input, builder) -> builder.graphQLContext(Map.of(CLIENT, client)).build());
    return chain.next(request).doOnNext(response -> settle(charge, response));
  }

  private void settle(Charge charge, WebGraphQlResponse response) {
    String client = charge.client();
    if (hasCode(response, RateLimitInstrumentation.RATE_LIMITED)) {
      charge.settled(Charge.Outcome.RATE_LIMITED, limiter.peek(client));
    } else if (hasCode(response, RateLimitInstrumentation.QUERY_TOO_EXPENSIVE)) {
      charge.settled(Charge.Outcome.TOO_EXPENSIVE, limiter.refused(client));
    } else if (!response.isValid()
        && response.getErrors().stream().noneMatch(e -> NOT_REFUSALS.contains(code(e)))) {
      charge.settled(Charge.Outcome.REFUSED, limiter.refused(client));
    } else {
      charge.settled(Charge.Outcome.CHARGED, limiter.charge(client, cost(response)));
    }
  }

  private static boolean hasCode(WebGraphQlResponse response, String code) {
    return response.getErrors().stream().anyMatch(error -> code.equals(code(error)));
  }

  private static Object code(ResponseError error) {
    return error.getExtensions().get("code");
  }

  static int cost(WebGraphQlResponse response) {
    if (response.getExtensions().get("cost") instanceof Map<?, ?> cost
        && cost.get("requestedQueryCost") instanceof Number number) {
      return Math.max(1, number.intValue());
    }
    return 1;
  }
}
