package cn.qingtian.portal.attack;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qingtian.portal.ApiIntegrationTest;
import cn.qingtian.portal.RawHttp;
import cn.qingtian.portal.SharedDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Second-round finding B (docs/reliability.md): the cost model prices a query by the values its
 * answer may hold, not by the work of building it. 1,000 aliased {@code incomeDistribution} tables
 * asking only for {@code year} cost 20 points but took 2–4 s of CPU each: a client stayed within
 * its window while holding the server's threads, and another client's small query waited 4.3 s
 * (median). Every executed query is now charged the larger of its estimate and its server time
 * ({@code portal.api.rate-limit.server-time-per-point}); a timed-out one its whole time; one that
 * ran and ended in errors like any other.
 *
 * <p>The assertions are on points charged and on the refusal, never on another client's latency:
 * here a point buys 1 ms, so the window of 100 points is 100 ms of server time, spent by the first
 * few heavy queries on any machine, while their estimates together stay below half the window.
 */
@Tag("attack")
@ApiIntegrationTest
class ServerTimeIsChargedAttackTest extends SharedDatabase {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int COST_PER_WINDOW = 100;

  @LocalServerPort int port;

  @DynamicPropertySource
  static void smallTimeBudget(DynamicPropertyRegistry registry) {
    registry.add("portal.api.rate-limit.cost-per-window", () -> Integer.toString(COST_PER_WINDOW));
    registry.add("portal.api.rate-limit.window", () -> "1m");
    registry.add("portal.api.rate-limit.server-time-per-point", () -> "1ms");
  }

  /** {@code n} aliased income tables, each asking only for its year: 2 values, 1/50 point each. */
  private static String aliasedTables(int n) {
    StringBuilder query = new StringBuilder("{");
    for (int i = 0; i < n; i++) {
      query.append(" t").append(i).append(": incomeDistribution(year: 2023) { year }");
    }
    return query.append(" }").toString();
  }

  @Test
  void aClientRepeatingACheapLookingSlowQueryIsRefusedOnceItsTimeBudgetIsSpent() throws Exception {
    String client = "198.51.100.60";
    String query = aliasedTables(200);
    int estimated = 0;
    List<String> charged = new ArrayList<>();
    RawHttp.Response last = null;
    int previousUsed = 0;
    // Stop before the estimates alone could spend the window: only time can refuse the client.
    while (estimated < COST_PER_WINDOW / 2) {
      last = post(query, client);
      if (last.status() != 200) {
        break;
      }
      JsonNode answer = JSON.readTree(last.text());
      assertThat(answer.path("errors").isMissingNode()).as(last.text()).isTrue();
      int cost = answer.at("/extensions/cost/requestedQueryCost").asInt();
      int used = Integer.parseInt(last.header("X-RateLimit-Used").orElseThrow());
      charged.add("estimate " + cost + " → charged " + (used - previousUsed));
      assertThat(used - previousUsed).as("points charged").isGreaterThanOrEqualTo(cost);
      estimated += cost;
      previousUsed = used;
    }
    System.out.printf(
        "Server time (a): %d answered (%s), estimates %d of a window of %d, then %s%n",
        charged.size(), charged, estimated, COST_PER_WINDOW, last.status());
    assertThat(last.status())
        .as("the heavy query after %s, estimates %d of %d", charged, estimated, COST_PER_WINDOW)
        .isEqualTo(429);
    assertThat(JSON.readTree(last.text()).at("/errors/0/extensions/code").asText())
        .isEqualTo("RATE_LIMITED");
    assertThat(previousUsed).as("points charged in all").isGreaterThanOrEqualTo(COST_PER_WINDOW);
    // Another client is not affected.
    assertThat(post("{ measure(code: \\\"P13\\\") { code } }", "198.51.100.61").status())
        .isEqualTo(200);
  }

  @Test
  void aQueryThatRanAndEndedInErrorsIsChargedNotCountedAsRefused() throws Exception {
    String client = "198.51.100.62";
    // Valid, runs, and fails: the resolver refuses a year out of range (data null).
    RawHttp.Response failed = post("{ incomeDistribution(year: 1900) { year } }", client);
    JsonNode answer = JSON.readTree(failed.text());
    System.out.println("Server time (b): " + failed.status() + " " + failed.text());
    assertThat(answer.path("errors").isEmpty()).as(failed.text()).isFalse();
    assertThat(failed.header("X-RateLimit-Used").map(Integer::parseInt).orElseThrow())
        .as("points charged for a query that ran and ended in errors")
        .isGreaterThanOrEqualTo(1);
  }

  /** A short timeout: the finding's 1,000 tables always outlast it. */
  @Nested
  @TestPropertySource(
      properties = {
        "portal.api.request-timeout=" + WhenTheTimeoutCutsAQueryOff.TIMEOUT_MILLIS + "ms",
        "portal.api.response-cache.enabled=false"
      })
  class WhenTheTimeoutCutsAQueryOff {

    static final int TIMEOUT_MILLIS = 300;

    @LocalServerPort int port;

    @Test
    void aQueryCutOffByTheTimeoutIsChargedItsWholeTimeout() throws Exception {
      String client = "198.51.100.63";
      // 1,000 tables: 20 points estimated, seconds of work (the finding's query).
      RawHttp.Response cut = post(aliasedTables(1_000), client);
      System.out.println(
          "Server time (c), timeout "
              + TIMEOUT_MILLIS
              + " ms: "
              + cut.status()
              + ", X-RateLimit-Used "
              + cut.header("X-RateLimit-Used").orElse("-")
              + ": "
              + cut.text());
      assertThat(cut.status()).as(cut.text()).isEqualTo(503);
      assertThat(JSON.readTree(cut.text()).at("/errors/0/extensions/code").asText())
          .isEqualTo("REQUEST_TIMEOUT");
      // 1 ms a point: the whole timeout, less the few ms before the limiter saw the request.
      assertThat(cut.header("X-RateLimit-Used").map(Integer::parseInt).orElseThrow())
          .as("points charged for a query the timeout cut off")
          .isGreaterThanOrEqualTo(TIMEOUT_MILLIS * 9 / 10);
      RawHttp.Response next = post("{ measure(code: \\\"P13\\\") { code } }", client);
      assertThat(next.status()).as("the client's next query").isEqualTo(429);
    }

    private RawHttp.Response post(String query, String client) {
      return RawHttp.post(
          "http://localhost:" + port + "/graphql",
          "{\"query\":\"" + query + "\"}",
          "X-Forwarded-For",
          client);
    }
  }

  private RawHttp.Response post(String query, String client) {
    return RawHttp.post(
        "http://localhost:" + port + "/graphql",
        "{\"query\":\"" + query + "\"}",
        "X-Forwarded-For",
        client);
  }
}
