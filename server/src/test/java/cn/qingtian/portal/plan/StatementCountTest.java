package cn.qingtian.portal.plan;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qingtian.portal.ApiIntegrationTest;
import cn.qingtian.portal.DatabaseTest;
import cn.qingtian.portal.StatementCounter;
import cn.qingtian.portal.UncachedAnswers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * DataLoader batching: the SQL statements a request makes depend on the query's shape, not on how
 * many items it returns.
 */
@ApiIntegrationTest
// Counted as the database sees them: an answer from the response cache makes no statements at all.
@DatabaseTest
class StatementCountTest extends UncachedAnswers {

  private static final String NESTED =
      """
      query($n: Int!) {
        measures(first: $n) {
          nodes {
            code plan { code } section { code } targetGroup { code }
            departments { edges { role node { code measures(first: 10) { nodes { code } } indicators(first: 10) { nodes { code } } } } }
            indicators { nodes { code area { code } targets { code quotes { text measure { code } area { code } } } } }
          }
        }
      }
      """;

  @Autowired HttpGraphQlTester graphQl;
  @Autowired StatementCounter.Statements statements;

  @Test
  void statementsDoNotGrowWithTheNumberOfItems() {
    // The release's search index and progress are read in the background when the release is
    // served; their statements are not the request's, so they are awaited before counting.
    graphQl.document("{ search(query: \"收入\") { totalCount } }").execute();
    // So is the progress of every target (a plan's evaluation waits for it).
    graphQl
        .document("{ plan(code: \"qt-kzt-2021-2025\") { finalEvaluation { achieved } } }")
        .execute();
    // Both pages reach every nested field with data (P23's indicator has an area and quotes).
    int forThirty = statementsFor(30);
    int forAll = statementsFor(54);
    assertThat(forAll).isEqualTo(forThirty);
    assertThat(forAll).as("one statement per nested field").isLessThanOrEqualTo(14);
  }

  private int statementsFor(int measures) {
    graphQl
        .document(NESTED)
        .variable("n", measures)
        .execute()
        .path("measures.nodes")
        .entityList(Object.class)
        .hasSize(measures);
    statements.reset();
    graphQl
        .document(NESTED)
        .variable("n", measures)
        .execute()
        .path("measures.nodes")
        .entityList(Object.class)
        .hasSize(measures);
    return statements.count();
  }
}
