package cn.qingtian.portal.operations;

import graphql.execution.ExecutionContext;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.observation.DefaultExecutionRequestObservationConvention;
import org.springframework.graphql.observation.ExecutionRequestObservationContext;

/**
 * Spring GraphQL's {@code graphql.request} observation with the operation's name as a tag of its
 * timer ({@code graphql.operation.name}), so rates and latencies can be read per operation. The
 * name is the one in the document (or else the request's {@code operationName}), bounded by {@link
 * OperationNames}.
 */
class GraphQlOperationConvention extends DefaultExecutionRequestObservationConvention {

  static final String OPERATION_NAME = "graphql.operation.name";

  private final OperationNames names;

  GraphQlOperationConvention(OperationNames names) {
    this.names = names;
  }

  @Override
  public KeyValues getLowCardinalityKeyValues(ExecutionRequestObservationContext context) {
    return super.getLowCardinalityKeyValues(context)
        .and(KeyValue.of(OPERATION_NAME, names.tagFor(nameOf(context))));
  }

  /** Only the execution id: the name is a low-cardinality tag now, bounded. */
  @Override
  public KeyValues getHighCardinalityKeyValues(ExecutionRequestObservationContext context) {
    return KeyValues.of(executionId(context));
  }

  private static @Nullable String nameOf(ExecutionRequestObservationContext context) {
    ExecutionContext execution = context.getExecutionContext();
    if (execution != null && execution.getOperationDefinition() != null) {
      String name = execution.getOperationDefinition().getName();
      if (name != null) {
        return name;
      }
    }
    return context.getExecutionInput().getOperationName();
  }
}
