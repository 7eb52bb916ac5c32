package cn.qingtian.portal.api;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qingtian.portal.ApiIntegrationTest;
import cn.qingtian.portal.SharedDatabase;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The API conventions of docs/decisions/methods.md §3, as a client meets them over HTTP. */
@ApiIntegrationTest
class ApiConventionsTest extends SharedDatabase {

  @Autowired HttpGraphQlTester graphQl;
  @Autowired WebTestClient web;

  @Test
  void aPostWithoutABodyIsABadRequestThatSaysSo() {
    web.post()
        .uri("/graphql")
        .contentType(MediaType.APPLICATION_JSON)
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.errors[0].extensions.code")
        .isEqualTo("BAD_REQUEST")
        .jsonPath("$.errors[0].message")
        .value(message -> assertThat((String) message).contains("the request has no body"));
  }

  @Test
  void answersTheReadmeQueryOverPlainHttp() {
    // If the schema were not packaged into the jar, /graphql would be a 404
    // (docs/decisions/stack-notes.md, note 2).
    assertThat(new ClassPathResource("graphql/schema.graphqls").exists()).isTrue();
    web.post()
        .uri("/graphql")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"query\":\"{ plans { nodes { id title } } }\"}")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.data.plans.nodes[0].title")
        .isEqualTo("青田县“扩中”“提低”行动方案（2021-2025年）")
        .jsonPath("$.extensions.release.number")
        .isEqualTo(1);
  }

  @Test
  void pagesThroughEveryMeasureWithCursorsWithoutGapsOrRepeats() {
    List<String> codes = new ArrayList<>();
    String after = null;
    boolean hasNext = true;
    while (hasNext) {
      var response =
          graphQl
              .document(
                  "query($after: String) { measures(first: 10, after: $after) {"
                      + " totalCount pageInfo { endCursor hasNextPage } nodes { code } } }")
              .variable("after", after)
              .execute();
      codes.addAll(response.path("measures.nodes[*].code").entityList(String.class).get());
      after = response.path("measures.pageInfo.endCursor").entity(String.class).get();
      hasNext = response.path("measures.pageInfo.hasNextPage").entity(Boolean.class).get();
    }
    assertThat(codes).hasSize(54).doesNotHaveDuplicates().startsWith("P01").endsWith("S5");

    graphQl
        .document("{ measures(last: 2) { nodes { code } pageInfo { hasPreviousPage } } }")
        .execute()
        .path("measures.nodes[*].code")
        .entityList(String.class)
        .containsExactly("S4", "S5");
  }

  @Test
  void rejectsPageSizesOutsideOneToHundredWithAClearError() {
    graphQl
        .document("{ indicators(first: 101) { totalCount } }")
        .execute()
        .errors()
        .satisfy(
            errors -> {
              assertThat(errors).hasSize(1);
              assertThat(errors.get(0).getMessage()).contains("first must be between 1 and 100");
              assertThat(errors.get(0).getExtensions()).containsEntry("code", "BAD_USER_INPUT");
            });
  }

  @Test
  void resolvesOpaqueGlobalIdsBackToTheirObjects() {
    String id =
        graphQl
            .document("{ measure(code: \"P13\") { id } }")
            .execute()
            .path("measure.id")
            .entity(String.class)
            .get();
    assertThat(id).doesNotContain("P13").matches("[A-Za-z0-9_-]+");
    graphQl
        .document("query($id: ID!) { node(id: $id) { id ... on Measure { code title } } }")
        .variable("id", id)
        .execute()
        .path("node.code")
        .entity(String.class)
        .isEqualTo("P13");
    String unknown = GlobalId.of("Plan", "no-such-plan");
    String qingtian = GlobalId.of("Plan", "qt-kzt-2021-2025");
    var nodes =
        graphQl
            .document("query($ids: [ID!]!) { nodes(ids: $ids) { id } }")
            .variable("ids", List.of(unknown, qingtian))
            .execute();
    nodes.path("nodes[0]").valueIsNull();
    nodes.path("nodes[1].id").entity(String.class).isEqualTo(qingtian);
    graphQl
        .document("{ node(id: \"%%%\") { id } }")
        .execute()
        .errors()
        .satisfy(e -> assertThat(e.get(0).getExtensions()).containsEntry("code", "BAD_USER_INPUT"));
  }

  @Test
  void answersInEnglishWhereTranslatedAndMarksTheLanguage() {
    var measure =
        graphQl
            .document(
                "{ measure(code: \"P01\") { zh: title en: title(lang: EN)"
                    + " titleText { zh en lang(lang: EN) text(lang: EN) unofficialTranslation } } }")
            .execute();
    measure.path("measure.zh").entity(String.class).isEqualTo("扩大就业容量");
    measure
        .path("measure.en")
        .entity(String.class)
        .satisfies(en -> assertThat(en).isNotBlank().isASCII());
    measure.path("measure.titleText.lang").entity(String.class).isEqualTo("EN");
    measure.path("measure.titleText.unofficialTranslation").entity(Boolean.class).isEqualTo(true);
  }

  @Test
  void servesGraphiqlFromThePortalItselfWithoutExternalRequests() {
    String page =
        web.get()
            .uri("/graphiql")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    assertThat(page)
        .contains("graphiql.min.js")
        .doesNotContain("http://", "https://", "//unpkg", "//esm.sh");
    for (String asset :
        List.of(
            "/webjars/graphiql/2.4.7/graphiql.min.js",
            "/webjars/graphiql/2.4.7/graphiql.min.css",
            "/webjars/react/18.3.1/umd/react.production.min.js",
            "/webjars/react-dom/18.3.1/umd/react-dom.production.min.js",
            "/graphiql/start.js")) {
      web.get().uri(asset).exchange().expectStatus().isOk();
    }
  }

  @Test
  void namesTheCurrentRelease() {
    var release =
        graphQl
            .document("{ currentRelease { number version contentHash changes { table added } } }")
            .execute();
    release.path("currentRelease.number").entity(Integer.class).isEqualTo(1);
    release.path("currentRelease.version").entity(String.class).isEqualTo("1.6.0+demo.1.4.0");
    release
        .path("currentRelease.contentHash")
        .entity(String.class)
        .satisfies(h -> assertThat(h).hasSize(64));
    release
        .path("currentRelease.changes[?(@.table == 'measures')].added")
        .entityList(Integer.class)
        .containsExactly(54);
  }
}
