package cn.qingtian.site;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.GraphQLError;
import graphql.ParseAndValidate;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The site's GraphQL documents and its newsroom queries are valid against the API contract, {@code
 * schema.graphqls}.
 */
class DocumentsMatchTheSchemaTest {

  @Test
  void everyDocumentValidates() throws Exception {
    GraphQLSchema schema = schema();
    try (var documents = Files.list(Path.of("src", "main", "resources", "graphql"))) {
      for (Path document : documents.toList()) {
        assertThat(errors(schema, Files.readString(document))).as(document.toString()).isEmpty();
      }
    }
  }

  @Test
  void everyNewsroomQueryValidates() throws Exception {
    GraphQLSchema schema = schema();
    for (Newsroom.Question question : Newsroom.questions()) {
      assertThat(errors(schema, question.query())).as(question.id()).isEmpty();
    }
  }

  private static GraphQLSchema schema() throws Exception {
    return new SchemaGenerator()
        .makeExecutableSchema(
            new SchemaParser().parse(Files.readString(Path.of("..", "schema.graphqls"))),
            RuntimeWiring.MOCKED_WIRING);
  }

  private static List<GraphQLError> errors(GraphQLSchema schema, String document) {
    return ParseAndValidate.parseAndValidate(
            schema, graphql.ExecutionInput.newExecutionInput(document).build())
        .getErrors();
  }
}
