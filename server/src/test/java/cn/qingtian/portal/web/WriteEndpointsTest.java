package cn.qingtian.portal.web;

import static cn.qingtian.portal.web.SecurityHeadersTest.url;
import static org.assertj.core.api.Assertions.assertThat;

import cn.qingtian.portal.ApiIntegrationTest;
import cn.qingtian.portal.RawHttp;
import cn.qingtian.portal.SharedDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import graphql.language.OperationTypeDefinition;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Data changes only through import and publish, run by an operator on the command line: the API has
 * no mutation, no route accepts a write, and the actuator exposes nothing that reads secrets or
 * changes the running server.
 */
@ApiIntegrationTest
class WriteEndpointsTest extends SharedDatabase {

  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;

  @Test
  void theSchemaHasNoMutationType() throws IOException {
    TypeDefinitionRegistry schema;
    try (InputStream in =
        WriteEndpointsTest.class.getResourceAsStream("/graphql/schema.graphqls")) {
      schema = new SchemaParser().parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    assertThat(schema.getType("Query")).isPresent();
    assertThat(schema.getType("Mutation")).isEmpty();
    assertThat(schema.objectTypeExtensions()).doesNotContainKey("Mutation");
    schema
        .schemaDefinition()
        .ifPresent(
            definition ->
                assertThat(
                        definition.getOperationTypeDefinitions().stream()
                            .map(OperationTypeDefinition::getName))
                    .doesNotContain("mutation"));
  }

  @Test
  void theServedSchemaHasNoMutationTypeByIntrospection() throws IOException {
    RawHttp.Response response =
        RawHttp.post(
            url(port, "graphql"),
            "{\"query\":\"{ __schema { queryType { name } mutationType { name } } }\"}");
    assertThat(response.status()).isEqualTo(200);
    JsonNode schema = JSON.readTree(response.body()).at("/data/__schema");
    assertThat(schema.at("/queryType/name").asText()).isEqualTo("Query");
    assertThat(schema.get("mutationType").isNull()).as(response.text()).isTrue();
  }

  @Test
  void aMutationDocumentIsRefusedOverPostAndGet() throws IOException {
    String mutation = "mutation { importPackage(path: \\\"x\\\") { number } }";
    RawHttp.Response post = RawHttp.post(url(port, "graphql"), "{\"query\":\"" + mutation + "\"}");
    JsonNode answer = JSON.readTree(post.body());
    assertThat(answer.path("errors").size()).as(post.text()).isPositive();
    assertThat(answer.path("data").isMissingNode() || answer.path("data").isNull())
        .as(post.text())
        .isTrue();
    RawHttp.Response get =
        RawHttp.get(
            url(
                port,
                "graphql?query="
                    + URLEncoder.encode(
                        "mutation { importPackage(path: \"x\") { number } }",
                        StandardCharsets.UTF_8)));
    assertThat(get.status()).isEqualTo(405);
  }

  @Test
  void noRouteAcceptsPutDeletePatchOrAPostOtherThanAGraphqlQuery() {
    List<String> paths =
        List.of(
            "",
            "index.html",
            "about/",
            "assets/site.css",
            "search/index.json",
            "datasets/measures/latest/measures.csv",
            "datasets/catalog.ttl",
            "graphiql",
            "graphiql/start.js",
            "graphql/schema.graphqls",
            "actuator/health",
            "actuator/info",
            "actuator");
    List<String> accepted = new ArrayList<>();
    for (String path : paths) {
      for (String method : List.of("PUT", "DELETE", "PATCH", "POST")) {
        RawHttp.Response response =
            HttpMethods.send(
                method, url(port, path), "{\"x\":1}", "Content-Type", "application/json");
        if (response.status() != 404 && response.status() != 405) {
          accepted.add(method + " /" + path + " -> " + response.status());
        }
      }
    }
    for (String method : List.of("PUT", "DELETE", "PATCH")) {
      RawHttp.Response response =
          HttpMethods.send(
              method,
              url(port, "graphql"),
              "{\"query\":\"{ currentRelease { number } }\"}",
              "Content-Type",
              "application/json");
      if (response.status() != 404 && response.status() != 405) {
        accepted.add(method + " /graphql -> " + response.status());
      }
    }
    assertThat(accepted).isEmpty();
  }

  @Test
  void actuatorEndpointsThatReadSecretsOrChangeTheServerAreNotExposed() {
    List<String> exposed = new ArrayList<>();
    for (String endpoint :
        List.of(
            "env",
            "configprops",
            "heapdump",
            "threaddump",
            "shutdown",
            "loggers",
            "beans",
            "mappings",
            "metrics",
            "scheduledtasks",
            "conditions",
            "caches",
            "refresh")) {
      for (String method : List.of("GET", "POST")) {
        RawHttp.Response response =
            HttpMethods.send(
                method,
                url(port, "actuator/" + endpoint),
                method.equals("POST") ? "{}" : null,
                "Content-Type",
                "application/json");
        if (response.status() != 404) {
          exposed.add(method + " /actuator/" + endpoint + " -> " + response.status());
        }
      }
    }
    assertThat(exposed).isEmpty();
    assertThat(RawHttp.get(url(port, "actuator/health")).status()).isEqualTo(200);
  }
}
