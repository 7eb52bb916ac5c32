package cn.qingtian.portal.search;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qingtian.portal.ApiIntegrationTest;
import cn.qingtian.portal.DatabaseTest;
import cn.qingtian.portal.SharedDatabase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Search over HTTP: Chinese recall and ranking, English stemming, codes, filters, bad input. */
@ApiIntegrationTest
@DatabaseTest
class SearchApiTest extends SharedDatabase {

  @Autowired HttpGraphQlTester graphQl;
  @Autowired WebTestClient web;

  private List<String> codes(String query, String extra) {
    return graphQl
        .document("query($q: String!) { search(query: $q%s) { nodes { code } } }".formatted(extra))
        .variable("q", query)
        .execute()
        .path("search.nodes[*].code")
        .entityList(String.class)
        .get();
  }

  @Test
  void aChineseWordFindsTheWordsThatContainItWithWholeWordsFirst() {
    List<String> hits = codes("收入", ", first: 10");
    assertThat(hits).contains("LOW_INCOME_FARM_HOUSEHOLD_INCOME", "DISPOSABLE_INCOME_PER_CAPITA");
    List<String> farm = codes("低收入农户", ", first: 5");
    assertThat(farm).contains("LOW_INCOME_FARM_HOUSEHOLD_INCOME");
    assertThat(hits.subList(0, 6)).contains("LOW_INCOME_FARM_HOUSEHOLD_INCOME");
    assertThat(codes("助残", ", types: [CHARITY]")).containsExactly("DEMO_CHARITY_03");
  }

  @Test
  void englishWordsAreStemmedAndCodesFoundExactly() {
    assertThat(codes("pensions insured", ", first: 5")).contains("PENSION_INSURANCE_INSURED");
    assertThat(codes("p13", ", first: 1")).containsExactly("P13");
    assertThat(codes("HRSS", ", types: [DEPARTMENT], first: 1")).containsExactly("HRSS");
  }

  @Test
  void hitsCarrySnippetsWithMarkedWordsFacetsAndDemoLabels() {
    var response =
        graphQl
            .document(
                "{ search(query: \"咖啡\") { totalCount facets { dimension value count }"
                    + " nodes { type id code title(lang: EN) snippet provenance } } }")
            .execute();
    List<Map<String, Object>> nodes =
        response
            .path("search.nodes")
            .entityList(
                new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {})
            .get();
    assertThat(nodes).anySatisfy(n -> assertThat(n.get("code")).isEqualTo("QT_COFFEE_SECTOR_2023"));
    Map<String, Object> coffee =
        nodes.stream()
            .filter(n -> n.get("code").equals("QT_COFFEE_SECTOR_2023"))
            .findFirst()
            .orElseThrow();
    assertThat((String) coffee.get("snippet")).contains("<mark>咖啡</mark>");
    assertThat(coffee.get("provenance")).isEqualTo("SECONDARY");
    response.path("search.facets[*].value").entityList(String.class).contains("ACHIEVEMENT");
    assertThat(codes("演示 助学", ", types: [CHARITY]")).contains("DEMO_CHARITY_01");
  }

  record Facet(String dimension, String value, String label, int count) {}

  private List<Facet> facets(String query) {
    return graphQl
        .document(
            "query($q: String!) { search(query: $q) { facets { dimension value label(lang: EN)"
                + " count } } }")
        .variable("q", query)
        .execute()
        .path("search.facets")
        .entityList(Facet.class)
        .get();
  }

  private int total(String query, String filter) {
    return graphQl
        .document("query($q: String!) { search(query: $q, %s) { totalCount } }".formatted(filter))
        .variable("q", query)
        .execute()
        .path("search.totalCount")
        .entity(Integer.class)
        .get();
  }

  @Test
  void everyFacetCountIsTheNumberOfMatchesItsFilterKeeps() {
    List<Facet> income = facets("收入");
    assertThat(income)
        .extracting(Facet::dimension)
        .contains("TYPE", "AREA", "TARGET_GROUP", "DEPARTMENT", "YEAR");
    assertThat(income)
        .filteredOn(f -> f.value().equals("A1"))
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.label())
                    .isEqualTo("Comprehensively broadening residents' income channels"));
    List<Facet> demo = facets("演示");
    assertThat(demo).extracting(Facet::dimension).contains("PROVENANCE");
    for (String query : List.of("收入", "演示")) {
      for (Facet facet : query.equals("收入") ? income : demo) {
        String filter =
            switch (facet.dimension()) {
              case "TYPE" -> "types: [" + facet.value() + "]";
              case "AREA" -> "filter: {areas: [\"" + facet.value() + "\"]}";
              case "TARGET_GROUP" -> "filter: {targetGroups: [\"" + facet.value() + "\"]}";
              case "DEPARTMENT" -> "filter: {departments: [\"" + facet.value() + "\"]}";
              case "YEAR" -> "filter: {years: [" + facet.value() + "]}";
              default -> "filter: {provenance: [" + facet.value() + "]}";
            };
        assertThat(total(query, filter)).as(filter).isEqualTo(facet.count()).isPositive();
      }
    }
  }

  @Test
  void filtersKeepOnlyWhatTheyName() {
    List<String> inArea = codes("收入", ", types: [INDICATOR], filter: {areas: [\"A1\"]}");
    List<String> areaIndicators =
        graphQl
            .document("{ indicators(area: \"A1\", first: 100) { nodes { code } } }")
            .execute()
            .path("indicators.nodes[*].code")
            .entityList(String.class)
            .get();
    assertThat(inArea).isNotEmpty().isSubsetOf(areaIndicators);
    graphQl
        .document(
            "{ search(query: \"演示\", filter: {provenance: [DEMO], years: [2023]}) {"
                + " nodes { provenance } } }")
        .execute()
        .path("search.nodes[*].provenance")
        .entityList(String.class)
        .satisfies(p -> assertThat(p).isNotEmpty().containsOnly("DEMO"));
    graphQl
        .document(
            "query($v: [String!]) { search(query: \"收入\", filter: {areas: $v}) { totalCount } }")
        .variable("v", java.util.Collections.nCopies(51, "A1"))
        .execute()
        .errors()
        .satisfy(
            errors ->
                assertThat(errors)
                    .singleElement()
                    .satisfies(e -> assertThat(e.getMessage()).contains("at most 50 values")));
  }

  @Test
  void anIndicatorHitIsLabelledDemoWhenItsDataIsDemo() {
    record IndicatorHit(String code, String provenance) {}
    List<IndicatorHit> hits =
        graphQl
            .document(
                "{ search(query: \"收入\", types: [INDICATOR], first: 20) { nodes { code"
                    + " provenance } } }")
            .execute()
            .path("search.nodes")
            .entityList(IndicatorHit.class)
            .get();
    assertThat(hits).extracting(IndicatorHit::provenance).contains("DEMO");
    for (IndicatorHit hit : hits) {
      List<String> provenance =
          graphQl
              .document(
                  "query($c: String!) { indicator(code: $c) { observations(provenance: DEMO, first:"
                      + " 1) { nodes { provenance } } } }")
              .variable("c", hit.code())
              .execute()
              .path("indicator.observations.nodes[*].provenance")
              .entityList(String.class)
              .get();
      assertThat(hit.provenance() != null && hit.provenance().equals("DEMO"))
          .as(hit.code())
          .isEqualTo(provenance.contains("DEMO"));
    }
  }

  @Test
  void theSnippetOfEveryDemoHitStartsWithTheDemoLabelInBothLanguages() {
    record Hit(String type, String code, String snippet, String provenance) {}
    for (String lang : List.of("ZH", "EN")) {
      List<Hit> hits = new java.util.ArrayList<>();
      for (String query : List.of("演示", "收入")) {
        hits.addAll(
            graphQl
                .document(
                    "query($q: String!, $l: Lang!) { search(query: $q, lang: $l, first: 100) {"
                        + " nodes { type code snippet provenance } } }")
                .variable("q", query)
                .variable("l", lang)
                .execute()
                .path("search.nodes")
                .entityList(Hit.class)
                .get());
      }
      assertThat(hits)
          .filteredOn(h -> "DEMO".equals(h.provenance()))
          .extracting(Hit::type)
          .contains("INDICATOR", "ACHIEVEMENT", "CHARITY");
      for (Hit hit : hits) {
        boolean english = lang.equals("EN");
        String record = english ? "DEMO data (synthetic): " : "演示数据（DEMO）：";
        String data = english ? "Its data include DEMO data (synthetic). " : "数据含演示数据（DEMO）。";
        if ("DEMO".equals(hit.provenance())) {
          assertThat(hit.snippet())
              .as(lang + " " + hit.code())
              .startsWith(hit.type().equals("INDICATOR") ? data : record);
        } else {
          assertThat(hit.snippet())
              .as(lang + " " + hit.code())
              .doesNotStartWith(record)
              .doesNotStartWith(data);
        }
      }
    }
  }

  @Test
  void pagesFollowEachOtherInTheOrderOfOneLongPage() {
    List<String> onePage = codes("收入", ", first: 30");
    List<String> paged = new java.util.ArrayList<>();
    String after = null;
    for (int page = 0; page < 3; page++) {
      var response =
          graphQl
              .document(
                  "query($q: String!, $a: String) { search(query: $q, first: 10, after: $a) {"
                      + " nodes { code } pageInfo { endCursor hasNextPage } } }")
              .variable("q", "收入")
              .variable("a", after)
              .execute();
      paged.addAll(response.path("search.nodes[*].code").entityList(String.class).get());
      response.path("search.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
      after = response.path("search.pageInfo.endCursor").entity(String.class).get();
    }
    assertThat(paged).hasSize(30).isEqualTo(onePage);
    graphQl
        .document("{ search(query: \"收入\", after: \"bm90LWEtY3Vyc29y\") { totalCount } }")
        .execute()
        .errors()
        .satisfy(
            errors ->
                assertThat(errors)
                    .singleElement()
                    .satisfies(e -> assertThat(e.getMessage()).contains("not a valid cursor")));
  }

  @Test
  void malformedInputGivesANormalAnswerOrAClearErrorNeverA500() {
    for (String query :
        List.of(
            "\"unbalanced",
            "AND",
            "OR NOT",
            "*",
            "?",
            "title:(",
            "\\",
            "\u0000收入\u0007",
            "",
            "   ")) {
      graphQl
          .document("query($q: String!) { search(query: $q) { totalCount } }")
          .variable("q", query)
          .execute()
          .path("search.totalCount")
          .entity(Integer.class)
          .satisfies(count -> assertThat(count).isNotNegative());
    }
    graphQl
        .document("query($q: String!) { search(query: $q) { totalCount } }")
        .variable("q", "收".repeat(10_000))
        .execute()
        .errors()
        .satisfy(
            errors ->
                assertThat(errors)
                    .singleElement()
                    .satisfies(e -> assertThat(e.getMessage()).contains("at most 200 characters")));
    web.post()
        .uri("/graphql")
        .bodyValue(
            Map.of(
                "query", "{ search(query: \"<script>alert(1)</script>\") { nodes { snippet } } }"))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .value(body -> assertThat(body).doesNotContain("<script>"));
  }
}
