package cn.qingtian.portal.api;

import graphql.normalized.ExecutableNormalizedField;
import graphql.normalized.ExecutableNormalizedOperation;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;
import java.util.List;

/**
 * What a query asks of the server, computed before it runs from its normalized form (fragments and
 * aliases expanded, so neither can hide anything): its depth, the nodes it may return (GitHub's
 * method: each connection's page size, 100 when none is given, times the nodes of the connections
 * around it), and its cost in GitHub's units (the requests its connections need, one per parent,
 * divided by 100, at least 1).
 */
public record QueryCost(int depth, long nodes, int cost) {

  /** Where a query's measure is kept in its GraphQL context while it runs. */
  public static final String CONTEXT_KEY = QueryCost.class.getName();

  static QueryCost of(ExecutableNormalizedOperation operation, GraphQLSchema schema) {
    Sum sum = new Sum();
    walk(operation.getTopLevelFields(), 1, schema, sum);
    return new QueryCost(sum.depth, sum.nodes, (int) Math.max(1, Math.round(sum.requests / 100.0)));
  }

  private static void walk(
      List<ExecutableNormalizedField> fields, long parents, GraphQLSchema schema, Sum sum) {
    for (ExecutableNormalizedField field : fields) {
      if (field.getFieldName().startsWith("__")) {
        continue;
      }
      sum.depth = Math.max(sum.depth, field.getLevel());
      long items = parents;
      String type = GraphQLTypeUtil.unwrapAll(field.getType(schema)).getName();
      if (type.endsWith("Connection")) {
        long page = pageSize(field);
        sum.requests += parents;
        items = Math.multiplyExact(parents, page);
        sum.nodes = Math.addExact(sum.nodes, items);
      }
      walk(field.getChildren(), items, schema, sum);
    }
  }

  /** The page a connection asks for: {@code first} or {@code last}, else the default of 100. */
  private static long pageSize(ExecutableNormalizedField field) {
    for (String argument : List.of("first", "last")) {
      if (field.getResolvedArguments().get(argument) instanceof Integer size) {
        return Math.max(0, Math.min(size, PageRequest.MAX_PAGE_SIZE));
      }
    }
    return PageRequest.MAX_PAGE_SIZE;
  }

  private static final class Sum {
    int depth;
    long nodes;
    long requests;
  }
}
