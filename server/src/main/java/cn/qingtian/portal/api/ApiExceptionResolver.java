package cn.qingtian.portal.api;

import cn.qingtian.portal.messages.UserMessages;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.AbortExecutionException;
import graphql.schema.DataFetchingEnvironment;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Component;

/**
 * Turns a bad argument into a GraphQL error that says what is wrong, with the stable code {@code
 * BAD_USER_INPUT}, and a field cut short because its request was cancelled into {@code CANCELLED}.
 * A database that cannot be reached gives {@code DATABASE_UNAVAILABLE} (answered with a 503 by
 * {@code web.DatabaseOutage}). Anything else stays an {@code INTERNAL_ERROR} without details.
 */
@Component
class ApiExceptionResolver extends DataFetcherExceptionResolverAdapter {

  private static final Logger log = LoggerFactory.getLogger(ApiExceptionResolver.class);

  @Override
  protected @Nullable GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
    if (ex instanceof InvalidInputException) {
      return GraphqlErrorBuilder.newError(env)
          .errorType(ErrorType.BAD_REQUEST)
          .message(ex.getMessage())
          .extensions(Map.of("code", "BAD_USER_INPUT"))
          .build();
    }
    if (ex instanceof AbortExecutionException) {
      // The client went away (or the request timed out) while the query ran: nothing failed, and
      // nobody reads this error, so it is not logged as one.
      return GraphqlErrorBuilder.newError(env)
          .message(UserMessages.get("api.cancelled"))
          .extensions(Map.of("code", "CANCELLED"))
          .build();
    }
    if (DatabaseUnavailable.causedBy(ex)) {
      // One line per outage comes from CurrentRelease; one per field would flood the log.
      log.debug(
          "Database unavailable while answering {}: {}", env.getField().getName(), ex.toString());
      return GraphqlErrorBuilder.newError(env)
          .errorType(ErrorType.INTERNAL_ERROR)
          .message(DatabaseUnavailable.MESSAGE)
          .extensions(Map.of("code", DatabaseUnavailable.CODE))
          .build();
    }
    return null;
  }
}
