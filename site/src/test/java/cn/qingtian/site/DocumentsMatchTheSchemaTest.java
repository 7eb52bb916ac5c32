package cn.qingtian.site;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ParseAndValidate;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The site's GraphQL documents are valid against the API contract, {@code schema.graphqls}. */
class DocumentsMatchTheSchemaTest {

  @Test
  void everyDocumentValidates() throws Exception {
    GraphQLSchema schema =
        new SchemaGenerator()
            .makeExecutableSchema(
                new SchemaParser().parse(Files.readString(Path.of("..", "schema.graphqls"))),
                RuntimeWiring.MOCKED_WIRING);
    try (var documents = Files.list(Path.of("src", "main", "resources", "graphql"))) {
      for (Path document : documents.toList()) {
        var errors =
            ParseAndValidate.parseAndValidate(
                    schema,
                    graphql.ExecutionInput.newExecutionInput(Files.readString(document)).build())
                .getErrors();
        assertThat(errors).as(document.toString()).isEmpty();
      }
    }
  }
}
