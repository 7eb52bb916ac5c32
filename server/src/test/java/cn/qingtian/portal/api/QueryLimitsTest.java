package cn.qingtian.portal.api;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qingtian.portal.ApiIntegrationTest;
import cn.qingtian.portal.RawHttp;
import cn.qingtian.portal.SharedDatabase;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.TestPropertySource;

/**
 * Every query is measured before it runs: its cost is reported, and one that is too deep or would
 * return too many nodes is refused whole, with a stable code and the limit it exceeds, however it
 * is written (aliases, fragments).
 */
@ApiIntegrationTest
class QueryLimitsTest extends SharedDatabase {

  private static final String OBSERVATIONS =
      "indicators(first: 100) { nodes { code observations(first: 100) { nodes { value } } } }";

  @Autowired HttpGraphQlTester graphQl;

  @Test
  void introspectionIsAnsweredButAnAbusiveIntrospectionQueryIsRefused() {
    graphQl
        .document("{ __schema { queryType { name } types { name fields { name } } } }")
        .execute()
        .path("__schema.queryType.name")
        .entity(String.class)
        .isEqualTo("Query");
    // Aliases that ask for the whole schema again and again multiply the work without limit.
    String repeated =
        "{ a: __schema { types { name fields { name } } }"
            + " b: __schema { types { name fields { name } } } }";
    var response = graphQl.document(repeated).execute().returnResponse();
    assertThat((Object) response.getData()).isNull();
    assertThat(response.getErrors())
        .singleElement()
        .satisfies(
            error ->
                assertThat(error.getExtensions()).containsEntry("code", "INTROSPECTION_TOO_LARGE"));
    // Type lists nested past what any tool asks for.
    StringBuilder deep = new StringBuilder("{ __schema { types { fields { type");
    for (int level = 0; level < 20; level++) {
      deep.append(" { ofType");
    }
    deep.append(" { name }");
    deep.append(" }".repeat(20)).append(" } } } }");
    var tooDeep = graphQl.document(deep.toString()).execute().returnResponse();
    assertThat(tooDeep.getErrors())
        .singleElement()
        .satisfies(
            error ->
                assertThat(error.getExtensions()).containsEntry("code", "INTROSPECTION_TOO_LARGE"));
  }

  @Test
  void everyAnswerReportsWhatTheQueryCost() {
    @SuppressWarnings("unchecked")
    Map<String, Object> cost =
        (Map<String, Object>)
            graphQl
                .document("{ " + OBSERVATIONS + " }")
                .execute()
                .returnResponse()
                .getExtensions()
                .get("cost");
    // 100 indicators and up to 100 observations of each: 10,100 items. Values: indicators 1,
    // nodes 1 + 100, code 100, observations 100, their nodes 100 + 10,000, value 10,000; one
    // point per 100 values.
    assertThat(cost)
        .containsEntry("nodes", 10_100)
        .containsEntry("values", 20_402)
        .containsEntry("depth", 5)
        .containsEntry("requestedQueryCost", 205);
  }

  @Test
  void aPlainListCostsItsDeclaredSizeHoweverOftenItIsAliased() {
    // Each TOWNSHIP table: 1 field, cells 1 + 210 (35 rows × 6 columns), count 210 = 422 values.
    String aliased =
        "{ a: incomeDistribution(year: 2023) { cells { count } }"
            + " b: incomeDistribution(year: 2023) { cells { count } } }";
    @SuppressWarnings("unchecked")
    Map<String, Object> cost =
        (Map<String, Object>)
            graphQl.document(aliased).execute().returnResponse().getExtensions().get("cost");
    assertThat(cost)
        .containsEntry("nodes", 420)
        .containsEntry("values", 844)
        .containsEntry("requestedQueryCost", 9);
  }

  @Test
  void aQueryThatMayReturnTooManyNodesIsRefusedWholeEvenThroughAliasesAndFragments() {
    String aliased =
        "query { a: measures(first: 100) { ...units } b: measures(first: 100) { ...units } }"
            + " fragment units on MeasureConnection { nodes { departments(first: 100) { nodes {"
            + " measures(first: 100) { nodes { code } } } } } }";
    var response = graphQl.document(aliased).execute().returnResponse();
    assertThat((Object) response.getData()).isNull();
    assertThat(response.getErrors())
        .singleElement()
        .satisfies(
            error -> {
              assertThat(error.getExtensions()).containsEntry("code", "QUERY_TOO_LARGE");
              assertThat(error.getMessage())
                  .contains(
                      "the query may return 2020200 nodes, 20200 more than the limit of 2000000");
            });
  }

  @Test
  void aQueryNestedTooDeeplyIsRefusedWithTheLimitItExceeds() {
    String nested = "id";
    for (int level = 0; level < 8; level++) {
      nested = "parentPlans(first: 1) { nodes { " + nested + " } }";
    }
    var response =
        graphQl
            .document("{ plan(code: \"qt-kzt-2021-2025\") { " + nested + " } }")
            .execute()
            .returnResponse();
    assertThat(response.getErrors())
        .singleElement()
        .satisfies(
            error -> {
              assertThat(error.getExtensions()).containsEntry("code", "QUERY_TOO_DEEP");
              assertThat(error.getMessage())
                  .contains("query depth 18 exceeds the limit of 15 by 3");
            });
  }

  @Test
  void aDocumentOverTheParserLimitOrInvalidGetsAStableCode() {
    String huge = "{ " + "plans { totalCount } ".repeat(4_000) + "}";
    var tooLong = graphQl.document(huge).execute().returnResponse();
    assertThat(tooLong.getErrors())
        .singleElement()
        .satisfies(
            (org.springframework.graphql.ResponseError error) -> {
              assertThat(error.getExtensions()).containsEntry("code", "GRAPHQL_PARSE_FAILED");
              assertThat(error.getMessage()).contains("More than 15,000 'grammar' tokens");
            });
    var invalid = graphQl.document("{ plans { noSuchField } }").execute().returnResponse();
    assertThat(invalid.getErrors())
        .singleElement()
        .satisfies(
            (org.springframework.graphql.ResponseError error) ->
                assertThat(error.getExtensions())
                    .containsEntry("code", "GRAPHQL_VALIDATION_FAILED"));
  }

  @Test
  void aQueryJustWithinTheLimitsRuns() {
    String nested = "id";
    for (int level = 0; level < 6; level++) {
      nested = "parentPlans(first: 1) { nodes { " + nested + " } }";
    }
    graphQl
        .document("{ plan(code: \"qt-kzt-2021-2025\") { " + nested + " } }")
        .execute()
        .path("plan")
        .hasValue();
  }

  /**
   * The hard cap on an answer's bytes, checked while it is written: an answer whose lists held more
   * than the estimate allowed for is replaced by an error, not sent.
   */
  @Nested
  @TestPropertySource(properties = "portal.api.limits.max-response-size=4KB")
  class WhenAnAnswerIsLargerThanTheCap {

    @LocalServerPort int port;

    @Test
    void itIsReplacedByA400NamingTheCapAndSmallAnswersPass() {
      String url = "http://localhost:" + port + "/graphql";
      RawHttp.Response large =
          RawHttp.post(
              url,
              "{\"query\":\"{ incomeDistribution(year: 2023) { cells { row column count } } }\"}");
      assertThat(large.status()).isEqualTo(400);
      assertThat(large.body().length).isLessThan(4096);
      assertThat(large.text())
          .contains("\"code\":\"RESPONSE_TOO_LARGE\"", "larger than the limit of 4096 bytes");
      RawHttp.Response small =
          RawHttp.post(url, "{\"query\":\"{ measure(code: \\\"P13\\\") { code } }\"}");
      assertThat(small.status()).isEqualTo(200);
      assertThat(small.text()).contains("\"code\":\"P13\"");
    }
  }
}
