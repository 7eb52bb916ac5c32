package cn.qingtian.portal.ratelimit;

import cn.qingtian.portal.api.QueryCost;
import cn.qingtian.portal.messages.UserMessages;
import cn.qingtian.portal.operations.PortalMetrics;
import graphql.ErrorType;
import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Refuses, before it runs, a query that costs more than a whole window ({@code
 * QUERY_TOO_EXPENSIVE}: waiting would never help, so the HTTP answer is a 400 without {@code
 * Retry-After}), and one that costs more than its client has left (GitHub's rule, {@code
 * RATE_LIMITED}: a 429). Runs after the query has been measured ({@code
 * QueryLimitInstrumentation}).
 */
class RateLimitInstrumentation extends SimplePerformantInstrumentation {

  static final String RATE_LIMITED = "RATE_LIMITED";
  static final String QUERY_TOO_EXPENSIVE = "QUERY_TOO_EXPENSIVE";

  private final RateLimiter limiter;

  RateLimitInstrumentation(RateLimiter limiter) {
    this.limiter = limiter;
  }

  @Override
  public @Nullable InstrumentationContext<ExecutionResult> beginExecuteOperation(
      InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
    var context = parameters.getExecutionContext().getGraphQLContext();
    String client = context.get(RateLimitInterceptor.CLIENT);
    QueryCost cost = context.get(QueryCost.CONTEXT_KEY);
    if (client != null && cost != null) {
      RateLimitStatus status = limiter.peek(client);
      if (cost.cost() > status.limit()) {
        PortalMetrics.rateLimited(PortalMetrics.Rejection.COST_OVER_WINDOW);
        throw new AbortExecutionException(
            List.of(
                GraphqlErrorBuilder.newError()
                    .errorType(ErrorType.ExecutionAborted)
                    .message(
                        UserMessages.get(
                            "ratelimit.query.tooExpensive", cost.cost(), status.limit()))
                    .extensions(
                        Map.of(
                            "code",
                            QUERY_TOO_EXPENSIVE,
                            "cost",
                            cost.cost(),
                            "limit",
                            status.limit()))
                    .build()));
      }
      if (cost.cost() > status.remaining()) {
        PortalMetrics.rateLimited(PortalMetrics.Rejection.COST_OVER_REMAINING);
        throw new AbortExecutionException(
            List.of(
                GraphqlErrorBuilder.newError()
                    .errorType(ErrorType.ExecutionAborted)
                    .message(
                        UserMessages.get(
                            "ratelimit.query.overRemaining",
                            cost.cost(),
                            status.remaining(),
                            status.resetAt(),
                            cost.cost() - status.remaining(),
                            status.limit()))
                    .extensions(
                        Map.of(
                            "code",
                            RATE_LIMITED,
                            "cost",
                            cost.cost(),
                            "remaining",
                            status.remaining(),
                            "resetAt",
                            status.resetAt().toString()))
                    .build()));
      }
      // Past every check: from here on the query's work is done and charged, errors or not.
      context.put(RateLimitInterceptor.EXECUTED, true);
    }
    return null;
  }
}
