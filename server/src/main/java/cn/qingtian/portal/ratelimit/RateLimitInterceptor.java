package cn.qingtian.portal.ratelimit;

import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import reactor.core.publisher.Mono;

/**
 * Charges each query's cost to its client once it has run, from the answer's {@code
 * extensions.cost.requestedQueryCost} (1 for a document refused before it was measured), and puts
 * the client into the GraphQL context for {@link RateLimitInstrumentation} and the {@code
 * rateLimit} field. A query refused for its cost is not charged; its answer becomes a 429.
 */
class RateLimitInterceptor implements WebGraphQlInterceptor, Ordered {

  /** The GraphQL context key naming the client. */
  static final String CLIENT = RateLimitInterceptor.class.getName() + ".client";

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
    return chain
        .next(request)
        .doOnNext(
            response -> {
              if (refused(response)) {
                charge.refused(limiter.peek(client));
              } else {
                charge.charged(limiter.charge(client, cost(response)));
              }
            });
  }

  private static boolean refused(WebGraphQlResponse response) {
    return response.getErrors().stream()
        .anyMatch(
            error ->
                RateLimitInstrumentation.RATE_LIMITED.equals(error.getExtensions().get("code")));
  }

  static int cost(WebGraphQlResponse response) {
    if (response.getExtensions().get("cost") instanceof Map<?, ?> cost
        && cost.get("requestedQueryCost") instanceof Number number) {
      return Math.max(1, number.intValue());
    }
    return 1;
  }
}
