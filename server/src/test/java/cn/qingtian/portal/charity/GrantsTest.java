package cn.qingtian.portal.charity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qingtian.portal.ApiIntegrationTest;
import cn.qingtian.portal.SharedDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Grants between organizations: in the API, and as a 360Giving package valid against its schema.
 */
@ApiIntegrationTest
class GrantsTest extends SharedDatabase {

  private static final String LATEST =
      "/datasets/charity-grants/latest/charity-grants.360giving.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired HttpGraphQlTester graphQl;
  @Autowired WebTestClient web;

  @Test
  void aCharityShowsTheGrantsItMadeAndReceivedWithTheOtherSide() {
    Map<?, ?> funder =
        graphQl
            .document(
                "{ charity(code: \"DEMO_CHARITY_01\") { grantsMade { id amount currency awardDate"
                    + " funder { code } recipientName(lang: EN) recipientCharity { code }"
                    + " provenance source { code } } } }")
            .execute()
            .path("charity")
            .entity(Map.class)
            .get();
    List<?> made = (List<?>) funder.get("grantsMade");
    assertThat(made).hasSize(6);
    Map<?, ?> first = (Map<?, ?>) made.get(0);
    assertThat(first.get("id")).isEqualTo("360G-qtportal-DEMO-GRANT-2022-01-1");
    assertThat(first.get("funder")).isEqualTo(Map.of("code", "DEMO_CHARITY_01"));
    assertThat(first.get("recipientName")).isEqualTo("Qingtian (DEMO) township home-care station");
    assertThat(first.get("recipientCharity")).isNull();
    assertThat(first.get("provenance")).isEqualTo("DEMO");
    assertThat(first.get("source")).isEqualTo(Map.of("code", "DEMO_GENERATOR"));

    List<String> funders =
        graphQl
            .document(
                "{ charity(code: \"DEMO_CHARITY_03\") { grantsReceived { funder { code } amount } } }")
            .execute()
            .path("charity.grantsReceived[*].funder.code")
            .entityList(String.class)
            .get();
    assertThat(funders)
        .containsExactlyInAnyOrder("DEMO_CHARITY_01", "DEMO_CHARITY_01", "DEMO_CHARITY_04");
  }

  @Test
  void theGrantsDownloadIsAValid360GivingPackageLabelledDemo() throws Exception {
    String body =
        web.get()
            .uri(LATEST)
            .exchange()
            .expectStatus()
            .isOk()
            .expectHeader()
            .contentTypeCompatibleWith("application/json")
            .expectHeader()
            .valueMatches(
                "Content-Disposition",
                "attachment; filename=\"charity-grants-.+\\.360giving\\.json\".*")
            .expectHeader()
            .exists("ETag")
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    JsonNode grants = JSON.readTree(body);

    assertThat(packageSchema().validate(body, InputFormat.JSON, formatsOn())).isEmpty();
    assertThat(grants.path("grants")).hasSize(12);
    assertThat(grants.path("title").asText()).contains("DEMO");
    for (JsonNode grant : grants.path("grants")) {
      assertThat(grant.path("classifications").get(0).path("code").asText()).isEqualTo("DEMO");
      assertThat(grant.path("recipientOrganization")).hasSize(1);
      assertThat(grant.has("recipientIndividual")).isFalse();
    }
  }

  @Test
  void theSchemaRejectsAGrantWithoutAFunder() throws Exception {
    String body =
        web.get().uri(LATEST).exchange().expectBody(String.class).returnResult().getResponseBody();
    var broken = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(body);
    ((com.fasterxml.jackson.databind.node.ObjectNode) broken.path("grants").get(0))
        .remove("fundingOrganization");
    assertThat(packageSchema().validate(broken.toString(), InputFormat.JSON, formatsOn()))
        .isNotEmpty();
  }

  @Test
  void aReleaseIsAddressedByItsVersionAndBadVersionsAreExplained() {
    String version =
        graphQl
            .document("{ currentRelease { version } }")
            .execute()
            .path("currentRelease.version")
            .entity(String.class)
            .get();
    web.get()
        .uri("/datasets/charity-grants/{v}/charity-grants.360giving.json", version)
        .exchange()
        .expectStatus()
        .isOk();
    web.get()
        .uri("/datasets/charity-grants/0.0.1/charity-grants.360giving.json")
        .exchange()
        .expectStatus()
        .isNotFound()
        .expectBody(String.class)
        .value(text -> assertThat(text).contains("no release with version 0.0.1"));
    web.get()
        .uri("/datasets/charity-grants/a*b/charity-grants.360giving.json")
        .exchange()
        .expectStatus()
        .isBadRequest();
  }

  private static JsonSchema packageSchema() throws Exception {
    Path local = Path.of("src/test/resources/standards/360giving/").toAbsolutePath();
    JsonSchemaFactory factory =
        JsonSchemaFactory.getInstance(
            SpecVersion.VersionFlag.V202012,
            builder ->
                builder.schemaMappers(
                    mappers ->
                        mappers.mapPrefix(
                            "https://raw.githubusercontent.com/ThreeSixtyGiving/standard/1.4.2/schema/",
                            local.toUri().toString())));
    return factory.getSchema(
        JSON.readTree(local.resolve("360-giving-package-schema.json").toFile()));
  }

  private static java.util.function.Consumer<com.networknt.schema.ExecutionContext> formatsOn() {
    return context -> context.getExecutionConfig().setFormatAssertionsEnabled(true);
  }
}
