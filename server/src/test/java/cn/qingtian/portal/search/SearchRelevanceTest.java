package cn.qingtian.portal.search;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qingtian.portal.ApiIntegrationTest;
import cn.qingtian.portal.SharedDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * The relevance set ({@code search/relevance.tsv}): queries people type, in Chinese, English, both,
 * with typos, single characters and codes, each with what must rank in the top 5, what must not
 * appear, or that nothing may match. Every failing line is reported at once.
 */
@ApiIntegrationTest
class SearchRelevanceTest extends SharedDatabase {

  @Autowired HttpGraphQlTester graphQl;

  @Test
  void everyQueryOfTheRelevanceSetFindsWhatItMust() throws IOException {
    List<String> lines = lines();
    assertThat(lines).hasSizeGreaterThanOrEqualTo(30);
    List<String> failures = new ArrayList<>();
    for (String line : lines) {
      String[] cells = line.split("\t");
      String query = cells[0];
      String types = cells[1].equals("-") ? "" : ", types: [" + cells[1] + "]";
      List<String> top = codes(query, types, 5);
      List<String> first100 = codes(query, types, 100);
      if (!cells[2].equals("-")) {
        for (String code : cells[2].split("\\|")) {
          if (!top.contains(code)) {
            failures.add(query + ": " + code + " not in the top 5 " + top);
          }
        }
      }
      if (!cells[3].equals("-")) {
        for (String code : cells[3].split("\\|")) {
          if (first100.contains(code)) {
            failures.add(query + ": " + code + " should not appear");
          }
        }
      }
      if (cells[4].equals("yes") && !first100.isEmpty()) {
        failures.add(query + ": expected nothing, got " + first100);
      }
    }
    assertThat(failures).isEmpty();
  }

  private List<String> codes(String query, String types, int first) {
    return graphQl
        .document(
            "query($q: String!) { search(query: $q%s, first: %d) { nodes { code } } }"
                .formatted(types, first))
        .variable("q", query)
        .execute()
        .path("search.nodes[*].code")
        .entityList(String.class)
        .get();
  }

  private static List<String> lines() throws IOException {
    try (InputStream in = SearchRelevanceTest.class.getResourceAsStream("/search/relevance.tsv")) {
      return Arrays.stream(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"))
          .filter(l -> !l.isBlank() && !l.startsWith("#"))
          .toList();
    }
  }
}
