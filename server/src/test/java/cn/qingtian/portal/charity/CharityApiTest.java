package cn.qingtian.portal.charity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qingtian.portal.ApiIntegrationTest;
import cn.qingtian.portal.DatabaseTest;
import cn.qingtian.portal.SharedDatabase;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** The charity registry over HTTP: filters, paging, provenance, and the count the plan targets. */
@ApiIntegrationTest
@DatabaseTest
class CharityApiTest extends SharedDatabase {

  @Autowired HttpGraphQlTester graphQl;
  @Autowired org.springframework.test.web.reactive.server.WebTestClient web;

  @Test
  void filtersByFieldQualificationStatusAndName() {
    graphQl
        .document("{ charities(field: EDUCATION) { nodes { code fields } } }")
        .execute()
        .path("charities.nodes[*].code")
        .entityList(String.class)
        .containsExactly("DEMO_CHARITY_01", "DEMO_CHARITY_05");
    graphQl
        .document("{ charities(status: DEREGISTERED) { nodes { code deregistered } } }")
        .execute()
        .path("charities.nodes[0].deregistered")
        .entity(String.class)
        .isEqualTo("2024-12-31");
    graphQl
        .document("{ charities(publicFundraising: true) { totalCount } }")
        .execute()
        .path("charities.totalCount")
        .entity(Integer.class)
        .isEqualTo(3);
    graphQl
        .document("{ charities(qualification: TAX_DEDUCTIBLE) { nodes { code } } }")
        .execute()
        .path("charities.nodes[*].code")
        .entityList(String.class)
        .containsExactly(
            "DEMO_CHARITY_01",
            "DEMO_CHARITY_03",
            "DEMO_CHARITY_05",
            "DEMO_CHARITY_07",
            "DEMO_CHARITY_09");
    graphQl
        .document("{ charities(search: \"慈善总会\") { nodes { code provenance } } }")
        .execute()
        .path("charities.nodes[*].code")
        .entityList(String.class)
        .containsExactly("QT_CHARITY_FEDERATION");
    graphQl
        .document("{ charities(search: \"orphan\") { nodes { code } } }")
        .execute()
        .path("charities.nodes[*].code")
        .entityList(String.class)
        .containsExactly("DEMO_CHARITY_05");
  }

  @Test
  void pagesThroughTheRegistry() {
    var first =
        graphQl
            .document(
                "{ charities(first: 4) { totalCount pageInfo { endCursor hasNextPage } nodes { code } } }")
            .execute();
    first.path("charities.totalCount").entity(Integer.class).isEqualTo(10);
    String after = first.path("charities.pageInfo.endCursor").entity(String.class).get();
    graphQl
        .document(
            "query($after: String) { charities(first: 10, after: $after) { nodes { code } pageInfo { hasNextPage } } }")
        .variable("after", after)
        .execute()
        .path("charities.nodes")
        .entityList(Object.class)
        .hasSize(6);
  }

  @Test
  void showsTheRealFederationWithItsSourceAndLeavesTheUnknownEmpty() {
    Map<?, ?> federation =
        graphQl
            .document(
                "{ charity(code: \"QT_CHARITY_FEDERATION\") { name recognized publicFundraising provenance note source { url } finances { year } } }")
            .execute()
            .path("charity")
            .entity(Map.class)
            .get();
    assertThat(federation.get("name")).isEqualTo("青田县慈善总会");
    assertThat(federation.get("provenance")).isEqualTo("SECONDARY");
    assertThat(federation.get("recognized")).isNull();
    assertThat(federation.get("publicFundraising")).isNull();
    assertThat((String) federation.get("note")).contains("6000万元");
    assertThat(((Map<?, ?>) federation.get("source")).get("url"))
        .isEqualTo("https://nb.ifeng.com/c/8mIV0LjPIfH");
  }

  @Test
  void countsRecognizedOrganizationsEachYearAtTheWeakestProvenance() {
    var indicator =
        graphQl
            .document(
                "{ indicator(code: \"CHARITY_ORGANIZATIONS\") { observations { nodes { period value provenance source { title } } } progress { status provenance } } }")
            .execute();
    // Recognized by year-end and not deregistered: 2019, 2020 | 2021 ×2 | 2022 | 2023 | 2024 ×2,
    // one
    // deregistered on 2024-12-31 | 2025. The federation has no public recognition date.
    indicator
        .path("indicator.observations.nodes[*].value")
        .entityList(Double.class)
        .containsExactly(2.0, 4.0, 5.0, 6.0, 7.0, 8.0);
    indicator
        .path("indicator.observations.nodes[*].provenance")
        .entityList(String.class)
        .satisfies(p -> assertThat(p).containsOnly("DEMO"));
    indicator.path("indicator.progress.provenance").entity(String.class).isEqualTo("DEMO");
    indicator.path("indicator.progress.status").entity(String.class).isEqualTo("TARGET_ACHIEVED");
  }

  @Test
  void withholdsTheFiguresOfAggregatesOfFewerThanTenDonors() {
    String body =
        web.post()
            .uri("/graphql")
            .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
            .bodyValue(
                "{\"query\":\"{ charity(code: \\\"DEMO_CHARITY_01\\\") { donations { year field donors"
                    + " total withheld provenance } } }\"}")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    // datasets/demo/charity_donations.csv: DEMO_CHARITY_01,2023,EDUCATION,2,4460 — two donors.
    assertThat(body)
        .contains(
            "\"year\":2023,\"field\":\"EDUCATION\",\"donors\":null,\"total\":null,\"withheld\":true");
    assertThat(body).doesNotContain("4460");
    graphQl
        .document("{ charities { nodes { donations { donors total withheld } } } }")
        .execute()
        .path("charities.nodes[*].donations[?(@.withheld == false)].donors")
        .entityList(Integer.class)
        .satisfies(
            donors ->
                assertThat(donors)
                    .isNotEmpty()
                    .allSatisfy(d -> assertThat(d).isGreaterThanOrEqualTo(10)));
  }

  @Test
  void resolvesCharitiesByGlobalId() {
    String id =
        graphQl
            .document("{ charity(code: \"DEMO_CHARITY_02\") { id } }")
            .execute()
            .path("charity.id")
            .entity(String.class)
            .get();
    graphQl
        .document("query($id: ID!) { node(id: $id) { ... on Charity { code } } }")
        .variable("id", id)
        .execute()
        .path("node.code")
        .entity(String.class)
        .isEqualTo("DEMO_CHARITY_02");
  }
}
