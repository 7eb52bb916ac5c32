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
 * Charges each query to its client once it has run: the larger of its estimated cost (the answer's
 * {@code extensions.cost.requestedQueryCost}) and its server time in points ({@link
 * RateLimitProperties#serverTimePerPoint()}), and puts the client into the GraphQL context for
 * {@link RateLimitInstrumentation} and the {@code rateLimit} field. The estimate prices what an
 * answer may hold, not the work of building it (1,000 aliased income tables: 20 points, seconds of
 * CPU), so the time is charged too and a client's window bounds its server time.
 *
 * <p>A query refused before it ran (it did not parse or validate, or was too deep, too large or too
 * expensive) costs no points but counts as one of the client's refused queries; a query that ran is
 * charged whatever its answer, errors only included (its work was done); a query refused for what
 * is left of the window is neither charged nor counted, and its answer becomes a 429. A query
 * cancelled before its answer (the request timeout) is charged by {@link RateLimitFilter}.
 */
class RateLimitInterceptor implements WebGraphQlInterceptor, Ordered {

  /** The GraphQL context key naming the client. */
  static final String CLIENT = RateLimitInterceptor.class.getName() + ".client";

  /**
   * The GraphQL context key set once a query has passed every check and starts to run ({@link
   * RateLimitInstrumentation}): from then on it is charged, whatever its answer.
   */
  static final String EXECUTED = RateLimitInterceptor.class.getName() + ".executed";

  /**
   * Answers without data that are a step of a protocol rather than a refusal: Apollo's persisted
   * queries start with an unknown hash.
   */
  private static final Set<String> NOT_REFUSALS = Set.of("PERSISTED_QUERY_NOT_FOUND");

  private final RateLimiter limiter;
  private final RateLimitProperties properties;

  RateLimitInterceptor(RateLimiter limiter, RateLimitProperties properties) {
    this.limiter = limiter;
    this.properties = properties;
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
    long started = System.nanoTime();
    return chain
        .next(request)
        .doOnNext(response -> settle(charge, response, System.nanoTime() - started));
  }

  private void settle(Charge charge, WebGraphQlResponse response, long nanos) {
    String client = charge.client();
    if (hasCode(response, RateLimitInstrumentation.RATE_LIMITED)) {
      charge.settled(Charge.Outcome.RATE_LIMITED, limiter.peek(client));
    } else if (hasCode(response, RateLimitInstrumentation.QUERY_TOO_EXPENSIVE)) {
      charge.settled(Charge.Outcome.TOO_EXPENSIVE, limiter.refused(client));
    } else if (!executed(response)
        && !response.isValid()
        && response.getErrors().stream().noneMatch(e -> NOT_REFUSALS.contains(code(e)))) {
      charge.settled(Charge.Outcome.REFUSED, limiter.refused(client));
    } else {
      long points = Math.max(cost(response), properties.pointsFor(nanos));
      charge.settled(Charge.Outcome.CHARGED, limiter.charge(client, points));
    }
  }

  private static boolean executed(WebGraphQlResponse response) {
    return Boolean.TRUE.equals(response.getExecutionInput().getGraphQLContext().get(EXECUTED));
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
