package cn.qingtian.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qingtian.portal.ApiIntegrationTest;
import cn.qingtian.portal.RawHttp;
import cn.qingtian.portal.SharedDatabase;
import cn.qingtian.portal.StatementCounter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A query asked again in the same release is answered from memory, byte for byte the same answer,
 * without a statement to the database; other variables, a query with errors and a caller's own rate
 * limit are not.
 */
@ApiIntegrationTest
class ResponseCacheTest extends SharedDatabase {

  private static final String QUERY =
      "query($code: String!) { measure(code: $code) { code title indicators { nodes { code } } } }";

  @LocalServerPort int port;
  @Autowired StatementCounter.Statements statements;

  @Test
  void theSameQueryInTheSameReleaseIsAnsweredWithoutTheDatabase() {
    // The release's progress is computed in the background as it is served: awaited, so that its
    // statements are not counted as this query's.
    RawHttp.post(
        url(),
        "{\"query\":\"{ plan(code: \\\"qt-kzt-2021-2025\\\") { finalEvaluation { achieved } } }\"}");
    RawHttp.Response first = post("P13");
    statements.reset();
    RawHttp.Response again = post("P13");
    assertThat(statements.count()).isZero();
    assertThat(again.text()).isEqualTo(first.text()).contains("\"code\":\"P13\"");
    assertThat(again.header("X-RateLimit-Used")).isPresent();

    statements.reset();
    assertThat(post("P14").text()).contains("\"code\":\"P14\"");
    assertThat(statements.count()).as("other variables are another query").isPositive();
  }

  @Test
  void answersWithErrorsAndRateLimitsAreNotKept() {
    String failing = "{\"query\":\"{ measures(first: 1000) { totalCount } }\"}";
    RawHttp.post(url(), failing);
    statements.reset();
    assertThat(RawHttp.post(url(), failing).text()).contains("BAD_USER_INPUT");
    String rateLimit = "{\"query\":\"{ rateLimit { used } plans { totalCount } }\"}";
    String used = RawHttp.post(url(), rateLimit).text();
    assertThat(RawHttp.post(url(), rateLimit).text()).isNotEqualTo(used);
  }

  private RawHttp.Response post(String code) {
    return RawHttp.post(
        url(), "{\"query\":\"" + QUERY + "\",\"variables\":{\"code\":\"" + code + "\"}}");
  }

  private String url() {
    return "http://localhost:" + port + "/graphql";
  }
}
