package cn.qingtian.portal.api;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qingtian.portal.disclosure.IncomeBracket;
import cn.qingtian.portal.disclosure.Township;
import graphql.execution.CoercedVariables;
import graphql.language.Document;
import graphql.normalized.ExecutableNormalizedOperationFactory;
import graphql.parser.Parser;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every list of the schema has a size the cost model can count before a query runs (decision D17):
 * a connection its page, a plain list its declared maximum. A new list field without one fails
 * here, as does a declaration that names no field.
 */
class ListSizesTest {

  private static final Path SCHEMA = Path.of("..", "schema.graphqls");

  private static GraphQLSchema schema() throws IOException {
    return UnExecutableSchemaGenerator.makeUnExecutableSchema(
        new SchemaParser().parse(Files.readString(SCHEMA)));
  }

  @Test
  void everyListFieldOfTheSchemaDeclaresItsMaximumSize() throws IOException {
    GraphQLSchema schema = schema();
    List<String> undeclared = new ArrayList<>();
    List<String> tooLarge = new ArrayList<>();
    int lists = 0;
    for (GraphQLObjectType type : objectTypes(schema)) {
      for (GraphQLFieldDefinition field : type.getFieldDefinitions()) {
        if (!GraphQLTypeUtil.isList(GraphQLTypeUtil.unwrapNonNull(field.getType()))) {
          continue;
        }
        lists++;
        OptionalInt size = ListSizes.of(type.getName(), field.getName());
        if (size.isEmpty()) {
          undeclared.add(type.getName() + "." + field.getName());
        } else if (type == schema.getQueryType() && size.getAsInt() > ListSizes.MAX_TOP_LEVEL) {
          tooLarge.add(type.getName() + "." + field.getName());
        }
      }
    }
    assertThat(lists).isGreaterThan(50);
    assertThat(undeclared).as("list fields without a declared maximum (ListSizes)").isEmpty();
    assertThat(tooLarge).as("top-level lists larger than " + ListSizes.MAX_TOP_LEVEL).isEmpty();
  }

  @Test
  void everyDeclarationNamesAListFieldOfTheSchema() throws IOException {
    GraphQLSchema schema = schema();
    List<String> stale = new ArrayList<>();
    for (String declared : ListSizes.declared().keySet()) {
      String[] parts = declared.split("\\.");
      GraphQLObjectType type = schema.getObjectType(parts[0]);
      GraphQLFieldDefinition field = type == null ? null : type.getFieldDefinition(parts[1]);
      if (field == null
          || !GraphQLTypeUtil.isList(GraphQLTypeUtil.unwrapNonNull(field.getType()))) {
        stale.add(declared);
      }
    }
    assertThat(stale).as("declared sizes that name no list field").isEmpty();
  }

  @Test
  void theIncomeTablesDeclareWhatTheDataModelHolds() {
    int brackets = IncomeBracket.values().length;
    assertThat(ListSizes.of("IncomeDistribution", "brackets")).hasValue(brackets);
    // Every township, URBAN, RURAL and the total, by every bracket and the total.
    assertThat(ListSizes.of("IncomeDistribution", "cells"))
        .hasValue((Township.ALL.size() + 3) * (brackets + 1));
    assertThat(ListSizes.of("Query", "incomeStatistics")).hasValue((Township.ALL.size() + 1) * 2);
  }

  @Test
  void theSiteGeneratorsQueriesFitTheNodeLimit() throws IOException {
    GraphQLSchema schema = schema();
    QueryLimits defaults = new QueryLimits(15, 2_000_000, 5_000, null);
    Map<String, Long> nodes = new LinkedHashMap<>();
    try (Stream<Path> files =
        Files.list(Path.of("..", "site", "src", "main", "resources", "graphql"))) {
      for (Path file : files.sorted().toList()) {
        Document document = Parser.parse(Files.readString(file));
        var operation =
            ExecutableNormalizedOperationFactory.createExecutableNormalizedOperation(
                schema,
                document,
                null,
                CoercedVariables.of(
                    Map.of("lang", "ZH", "year", 2023, "plan", "p", "version", "v")));
        nodes.put(file.getFileName().toString(), QueryCost.of(operation, schema).nodes());
      }
    }
    assertThat(nodes).isNotEmpty();
    assertThat(nodes.values())
        .as("nodes of the site's queries %s", nodes)
        .allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(defaults.maxNodes()));
  }

  private static List<GraphQLObjectType> objectTypes(GraphQLSchema schema) {
    return schema.getAllTypesAsList().stream()
        .filter(GraphQLObjectType.class::isInstance)
        .map(GraphQLObjectType.class::cast)
        .filter(type -> !type.getName().startsWith("__"))
        .toList();
  }
}
