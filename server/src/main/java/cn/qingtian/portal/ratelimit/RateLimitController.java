package cn.qingtian.portal.ratelimit;

import cn.qingtian.portal.api.QueryCost;
import graphql.GraphQLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * The {@code rateLimit} field: the caller's standing once this query is charged. {@code null} where
 * nothing is limited (limits switched off, or an in-process caller such as the site generator).
 */
@Controller
class RateLimitController {

  private final RateLimiter limiter;

  RateLimitController(RateLimiter limiter) {
    this.limiter = limiter;
  }

  @QueryMapping
  @Nullable RateLimit rateLimit(GraphQLContext context) {
    String client = context.get(RateLimitInterceptor.CLIENT);
    QueryCost cost = context.get(QueryCost.CONTEXT_KEY);
    if (client == null || cost == null) {
      return null;
    }
    context.put(RateLimitStatus.SHOWN, true);
    int charge = Math.max(1, cost.cost());
    RateLimitStatus now = limiter.open(client);
    RateLimitStatus after = new RateLimitStatus(now.limit(), now.used() + charge, now.resetAt());
    return new RateLimit(
        after.limit(), charge, after.remaining(), after.used(), after.resetAt().toString());
  }

  /** What the schema's {@code RateLimit} type shows. */
  record RateLimit(int limit, int cost, int remaining, int used, String resetAt) {}
}
