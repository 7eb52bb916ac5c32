package cn.qingtian.portal.api;

import cn.qingtian.portal.messages.UserMessages;
import graphql.ErrorType;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.introspection.GoodFaithIntrospection;
import graphql.normalized.ExecutableNormalizedOperation;
import graphql.normalized.ExecutableNormalizedOperationFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Measures every query before it runs ({@link QueryCost}) and refuses one that is too deep, would
 * return too many nodes or has too many fields, with an error that names the limit and by how much
 * it is exceeded; nothing of it runs. Every answer reports the measure in {@code extensions.cost}.
 * A query that fits these limits may still cost more than its client's whole rate-limit window: the
 * rate limiter refuses it ({@code QUERY_TOO_EXPENSIVE}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE) // first: other instrumentations read the measure
@EnableConfigurationProperties(QueryLimits.class)
class QueryLimitInstrumentation extends SimplePerformantInstrumentation {

  private static final String COST = QueryCost.CONTEXT_KEY;

  private final QueryLimits limits;

  QueryLimitInstrumentation(QueryLimits limits) {
    this.limits = limits;
  }

  @Override
  public @Nullable InstrumentationContext<ExecutionResult> beginExecuteOperation(
      InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
    ExecutionContext context = parameters.getExecutionContext();
    QueryCost cost = measure(context);
    context.getGraphQLContext().put(COST, cost);
    if (cost.depth() > limits.maxDepth()) {
      throw refused(
          "QUERY_TOO_DEEP",
          UserMessages.get("api.query.tooDeep.zh", cost.depth(), limits.maxDepth()),
          UserMessages.get(
              "api.query.tooDeep.en",
              cost.depth(),
              limits.maxDepth(),
              cost.depth() - limits.maxDepth()));
    }
    if (cost.nodes() > limits.maxNodes()) {
      throw refused(
          "QUERY_TOO_LARGE",
          UserMessages.get("api.query.tooLarge.zh", cost.nodes(), limits.maxNodes()),
          UserMessages.get(
              "api.query.tooLarge.en",
              cost.nodes(),
              cost.nodes() - limits.maxNodes(),
              limits.maxNodes()));
    }
    return SimpleInstrumentationContext.noOp();
  }

  private QueryCost measure(ExecutionContext context) {
    // graphql-java's normalizer expands every fragment spread before it merges fields and counts
    // them: fragments that spread each other several times (F2 { ...F1 ...F1 } F3 { ...F2 ...F2 }
    // …)
    // would keep it busy for an exponential time. Their expanded size is counted first, in linear
    // time, and such a query is refused before the normalizer sees it.
    long expanded =
        ExpandedSize.of(
            context.getOperationDefinition(), context.getFragmentsByName(), expansionLimit(limits));
    if (expanded > expansionLimit(limits)) {
      throw refused(
          "QUERY_TOO_LARGE",
          UserMessages.get("api.query.tooManyFields.zh", limits.maxFields()),
          UserMessages.get("api.query.tooManyFields.en", limits.maxFields()));
    }
    ExecutableNormalizedOperation operation;
    try {
      operation =
          ExecutableNormalizedOperationFactory.createExecutableNormalizedOperation(
              context.getGraphQLSchema(),
              context.getOperationDefinition(),
              context.getFragmentsByName(),
              context.getCoercedVariables(),
              ExecutableNormalizedOperationFactory.Options.defaultOptions()
                  .maxFieldsCount(limits.maxFields()));
    } catch (AbortExecutionException e) {
      throw refused(
          "QUERY_TOO_LARGE",
          UserMessages.get("api.query.tooManyFields.zh", limits.maxFields()),
          UserMessages.get("api.query.tooManyFields.en", limits.maxFields()));
    }
    return QueryCost.of(operation, context.getGraphQLSchema());
  }

  /**
   * How many fields a query may name with its fragments expanded, before identical fields are
   * merged: well above {@code maxFields} (which counts merged fields), so that only a query built
   * to explode is refused this way.
   */
  static long expansionLimit(QueryLimits limits) {
    return Math.max(100_000L, 20L * limits.maxFields());
  }

  @Override
  public CompletableFuture<ExecutionResult> instrumentExecutionResult(
      ExecutionResult result,
      InstrumentationExecutionParameters parameters,
      InstrumentationState state) {
    QueryCost cost = parameters.getGraphQLContext().get(COST);
    List<GraphQLError> errors = coded(result.getErrors());
    if (cost == null) {
      return CompletableFuture.completedFuture(result.transform(b -> b.errors(errors)));
    }
    Map<Object, Object> extensions = new LinkedHashMap<>();
    if (result.getExtensions() != null) {
      extensions.putAll(result.getExtensions());
    }
    extensions.put(
        "cost",
        Map.of(
            "requestedQueryCost", cost.cost(),
            "nodes", cost.nodes(),
            "values", cost.values(),
            "depth", cost.depth(),
            "limits", Map.of("maxDepth", limits.maxDepth(), "maxNodes", limits.maxNodes())));
    return CompletableFuture.completedFuture(
        result.transform(b -> b.errors(errors).extensions(extensions)));
  }

  /**
   * Errors of a document that did not parse or validate (a parser limit among them, e.g. more than
   * 15,000 tokens), or that graphql-java's good-faith check refused as an abusive introspection
   * query, get stable codes, as the limits' own errors have.
   */
  private static List<GraphQLError> coded(List<GraphQLError> errors) {
    return errors.stream()
        .map(
            error -> {
              String code =
                  error.getErrorType() == ErrorType.InvalidSyntax
                      ? "GRAPHQL_PARSE_FAILED"
                      : error.getErrorType() == ErrorType.ValidationError
                          ? "GRAPHQL_VALIDATION_FAILED"
                          : error instanceof GoodFaithIntrospection.BadFaithIntrospectionError
                              ? "INTROSPECTION_TOO_LARGE"
                              : null;
              if (code == null
                  || (error.getExtensions() != null && error.getExtensions().containsKey("code"))) {
                return error;
              }
              Map<String, Object> extensions = new LinkedHashMap<>();
              if (error.getExtensions() != null) {
                extensions.putAll(error.getExtensions());
              }
              extensions.put("code", code);
              return GraphqlErrorBuilder.newError()
                  .message(error.getMessage())
                  .locations(error.getLocations())
                  .errorType(error.getErrorType())
                  .extensions(extensions)
                  .build();
            })
        .toList();
  }

  private static AbortExecutionException refused(String code, String zh, String en) {
    GraphQLError error =
        GraphqlErrorBuilder.newError()
            .errorType(ErrorType.ExecutionAborted)
            .message(zh + " / " + en)
            .extensions(Map.of("code", code))
            .build();
    return new AbortExecutionException(List.of(error));
  }
}
