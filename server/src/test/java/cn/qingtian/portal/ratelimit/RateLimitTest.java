package cn.qingtian.portal.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.qingtian.portal.ApiIntegrationTest;
import cn.qingtian.portal.RawHttp;
import cn.qingtian.portal.SmallRateLimit;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Each client spends query cost from a window of its own: its standing is in every answer's headers
 * and in the {@code rateLimit} field, and once its window is spent, or a query costs more than is
 * left, it gets a 429 with {@code Retry-After} until the window ends. Clients are told apart by the
 * address the trusted proxy (here the loopback peer) reports.
 */
@ApiIntegrationTest
class RateLimitTest extends SmallRateLimit {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CHEAP = "{ measure(code: \\\"P13\\\") { code } }";

  @LocalServerPort int port;

  @Test
  void aClientSeesItsStandingInHeadersAndInTheRateLimitField() throws Exception {
    RawHttp.Response first =
        post("{ rateLimit { limit cost remaining used resetAt } }", "203.0.113.1");
    assertThat(first.status()).isEqualTo(200);
    JsonNode rateLimit = JSON.readTree(first.text()).path("data").path("rateLimit");
    assertThat(rateLimit.path("limit").asInt()).isEqualTo(5);
    assertThat(rateLimit.path("cost").asInt()).isEqualTo(1);
    assertThat(rateLimit.path("used").asInt()).isEqualTo(1);
    assertThat(rateLimit.path("remaining").asInt()).isEqualTo(4);
    Instant resetAt = Instant.parse(rateLimit.path("resetAt").asText());
    assertThat(first.header("X-RateLimit-Limit")).hasValue("5");
    assertThat(first.header("X-RateLimit-Used")).hasValue("1");
    assertThat(first.header("X-RateLimit-Remaining")).hasValue("4");
    assertThat(first.header("X-RateLimit-Reset")).hasValue(Long.toString(resetAt.getEpochSecond()));
    // The answer is this client's own: the next query is charged again and shows it.
    RawHttp.Response second =
        post("{ rateLimit { limit cost remaining used resetAt } }", "203.0.113.1");
    assertThat(JSON.readTree(second.text()).at("/data/rateLimit/remaining").asInt()).isEqualTo(3);
    assertThat(second.header("X-RateLimit-Remaining")).hasValue("3");
  }

  @Test
  void aClientWhoseWindowIsSpentGets429UntilItEndsWhileOthersGoOn() throws Exception {
    String client = "203.0.113.2";
    for (int i = 0; i < 5; i++) {
      assertThat(post(CHEAP, client).status()).isEqualTo(200);
    }
    RawHttp.Response refused = post(CHEAP, client);
    assertThat(refused.status()).isEqualTo(429);
    long retryAfter = Long.parseLong(refused.header("Retry-After").orElseThrow());
    assertThat(retryAfter).isBetween(1L, 3L);
    assertThat(refused.header("X-RateLimit-Remaining")).hasValue("0");
    JsonNode error = JSON.readTree(refused.text()).path("errors").path(0);
    assertThat(error.at("/extensions/code").asText()).isEqualTo("RATE_LIMITED");
    assertThat(error.path("message").asText()).contains("rate limit exceeded", "resets in");
    // Over GET too, and another client is not affected.
    RawHttp.Response get =
        RawHttp.get(
            "http://localhost:"
                + port
                + "/graphql?query="
                + URLEncoder.encode("{ measure(code: \"P13\") { code } }", StandardCharsets.UTF_8),
            "X-Forwarded-For",
            client);
    assertThat(get.status()).isEqualTo(429);
    assertThat(post(CHEAP, "203.0.113.3").status()).isEqualTo(200);
    // The window turns within Retry-After and the client is admitted again: refused tries
    // meanwhile cost no points (and ApiIntegrationTest lifts the bound on refused queries).
    RawHttp.Response again =
        await("the window turns for " + client)
            .atMost(Duration.ofMillis(retryAfter * 1000 + 2000))
            .pollInterval(Duration.ofMillis(200))
            .until(() -> post(CHEAP, client), answer -> answer.status() == 200);
    assertThat(again.header("X-RateLimit-Remaining")).hasValue("4");
  }

  @Test
  void aQueryCostingMoreThanIsLeftIsRefusedBeforeItRunsAndNotCharged() throws Exception {
    String client = "203.0.113.4";
    for (int i = 0; i < 3; i++) {
      assertThat(post(CHEAP, client).status()).isEqualTo(200);
    }
    // 1 + 1 + 100 + 100 values: 3 points, more than the 2 left.
    String costly = "{ measures(first: 100) { nodes { code } } }";
    RawHttp.Response refused = post(costly, client);
    assertThat(refused.status()).isEqualTo(429);
    JsonNode body = JSON.readTree(refused.text());
    assertThat(body.path("data").isNull() || body.path("data").isMissingNode()).isTrue();
    assertThat(body.at("/errors/0/extensions/code").asText()).isEqualTo("RATE_LIMITED");
    assertThat(body.at("/errors/0/message").asText())
        .contains("the query costs 3, 1 more than the 2 left");
    assertThat(refused.header("Retry-After")).isPresent();
    assertThat(refused.header("X-RateLimit-Remaining")).hasValue("2");
    assertThat(post(CHEAP, client).header("X-RateLimit-Remaining")).hasValue("1");
  }

  @Test
  void aQueryCostingMoreThanTheWholeWindowIsA400WithoutRetryAfterAndCostsNothing()
      throws Exception {
    // 1 + 100 + 100 × 100 items, with their fields: far more than a window of 5.
    String costly =
        "{ measures(first: 100) { nodes { departments(first: 100) { nodes {"
            + " measures(first: 100) { nodes { code } } } } } } }";
    RawHttp.Response refused = post(costly, "203.0.113.5");
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.header("Retry-After")).isEmpty();
    JsonNode body = JSON.readTree(refused.text());
    assertThat(body.at("/errors/0/extensions/code").asText()).isEqualTo("QUERY_TOO_EXPENSIVE");
    assertThat(body.at("/errors/0/message").asText()).contains("more than the whole window of 5");
    assertThat(refused.header("X-RateLimit-Remaining")).hasValue("5");
  }

  @Test
  void theCallersStandingIsMarkedPrivateOnceOverPostAndGet() {
    // Second-round finding B (docs/reliability.md): both carried Cache-Control: private, no-store
    // twice.
    RawHttp.Response post = post("{ rateLimit { remaining } }", "203.0.113.6");
    RawHttp.Response get =
        RawHttp.get(
            "http://localhost:" + port + "/graphql?query=%7BrateLimit%7Bremaining%7D%7D",
            "X-Forwarded-For",
            "203.0.113.7");
    assertThat(post.headers().getAll("Cache-Control")).containsExactly("private, no-store");
    assertThat(get.headers().getAll("Cache-Control")).containsExactly("private, no-store");
  }

  private RawHttp.Response post(String query, String client) {
    return RawHttp.post(
        "http://localhost:" + port + "/graphql",
        "{\"query\":\"" + query + "\"}",
        "X-Forwarded-For",
        client);
  }
}
