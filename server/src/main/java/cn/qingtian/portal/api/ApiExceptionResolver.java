package cn.qingtian.portal.api;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Component;

/**
 * Turns a bad argument into a GraphQL error that says what is wrong, with the stable code {@code
 * BAD_USER_INPUT}. Anything else stays an {@code INTERNAL_ERROR} without details.
 */
@Component
class ApiExceptionResolver extends DataFetcherExceptionResolverAdapter {

  @Override
  protected @Nullable GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
    if (ex instanceof InvalidInputException) {
      return GraphqlErrorBuilder.newError(env)
          .errorType(ErrorType.BAD_REQUEST)
          .message(ex.getMessage())
          .extensions(Map.of("code", "BAD_USER_INPUT"))
          .build();
    }
    return null;
  }
}
