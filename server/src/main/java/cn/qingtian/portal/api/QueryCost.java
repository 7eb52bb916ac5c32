package cn.qingtian.portal.api;

import graphql.normalized.ExecutableNormalizedField;
import graphql.normalized.ExecutableNormalizedOperation;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;
import java.util.List;
import java.util.OptionalInt;

/**
 * What a query asks of the server, computed before it runs from its normalized form (fragments and
 * aliases expanded, so neither can hide anything), every list counted by its size (decision D17,
 * docs/decisions/0017-query-cost.md, with the extensions recorded there): a connection by its page
 * ({@code first} or {@code last}, 100 when neither is given), a plain list by the maximum {@link
 * ListSizes} declares for it.
 *
 * <p>Ours rather than graphql-java's {@code MaxQueryComplexityInstrumentation}: that one sums one
 * number per field and knows nothing of list sizes, so it cannot give the node and value counts the
 * limits and the rate limiter charge by (D17), nor report them in {@code extensions.cost}.
 *
 * @param depth the deepest field, counting the top level as 1
 * @param nodes the items all its lists may return together, each list's size times the items of the
 *     lists around it (GitHub's method, extended to plain lists)
 * @param values the values the answer may hold: every field once for each object it is asked of,
 *     and every list item; what the answer's memory, bytes and time grow with
 * @param cost the points it costs: one per 100 values, at least 1
 */
public record QueryCost(int depth, long nodes, long values, int cost) {

  /** Where a query's measure is kept in its GraphQL context while it runs. */
  public static final String CONTEXT_KEY = QueryCost.class.getName();

  /** The values one point buys. */
  public static final int VALUES_PER_POINT = 100;

  static QueryCost of(ExecutableNormalizedOperation operation, GraphQLSchema schema) {
    Sum sum = new Sum();
    walk(operation.getTopLevelFields(), 1, 0, schema, sum);
    long points = Math.max(1, (sum.values + VALUES_PER_POINT - 1) / VALUES_PER_POINT);
    return new QueryCost(
        sum.depth, sum.nodes, sum.values, (int) Math.min(Integer.MAX_VALUE, points));
  }

  /**
   * Counts {@code fields}, each asked of {@code parents} objects; {@code page} is the page of the
   * connection they belong to, if they are a connection's fields.
   */
  private static void walk(
      List<ExecutableNormalizedField> fields,
      long parents,
      long page,
      GraphQLSchema schema,
      Sum sum) {
    for (ExecutableNormalizedField field : fields) {
      if (field.getFieldName().startsWith("__")) {
        continue;
      }
      sum.depth = Math.max(sum.depth, field.getLevel());
      sum.values = saturatedAdd(sum.values, parents);
      GraphQLOutputType type = field.getType(schema);
      String typeName = GraphQLTypeUtil.unwrapAll(type).getName();
      long items = parents;
      long childPage = 0;
      if (GraphQLTypeUtil.isList(GraphQLTypeUtil.unwrapNonNull(type))) {
        items = saturatedMultiply(parents, listSize(field, page));
        sum.nodes = saturatedAdd(sum.nodes, items);
        sum.values = saturatedAdd(sum.values, items);
      } else if (typeName.endsWith("Connection")) {
        childPage = pageSize(field);
      }
      walk(field.getChildren(), items, childPage, schema, sum);
    }
  }

  /** The most items a plain list may hold: its declared maximum, a connection's page. */
  private static long listSize(ExecutableNormalizedField field, long page) {
    String parent = field.getObjectTypeNames().iterator().next();
    OptionalInt declared = ListSizes.of(parent, field.getFieldName());
    if (declared.isEmpty()) {
      // ListSizesTest keeps this from happening; should it, the list counts as the largest.
      return ListSizes.MAX_TOP_LEVEL;
    }
    if (declared.getAsInt() == ListSizes.PAGE) {
      return page;
    }
    if (field.getResolvedArguments().get("ids") instanceof List<?> ids) {
      return Math.min(ids.size(), declared.getAsInt());
    }
    return declared.getAsInt();
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

  private static long saturatedAdd(long a, long b) {
    long sum = a + b;
    return sum < 0 ? Long.MAX_VALUE : sum;
  }

  private static long saturatedMultiply(long a, long b) {
    return b != 0 && a > Long.MAX_VALUE / b ? Long.MAX_VALUE : a * b;
  }

  private static final class Sum {
    int depth;
    long nodes;
    long values;
  }
}
