package cn.qingtian.portal.attack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.qingtian.portal.ApiIntegrationTest;
import cn.qingtian.portal.RawHttp;
import cn.qingtian.portal.SharedDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Attack finding 2 (docs/reliability.md): one client starved everyone within its rate limit,
 * because a list that is not a connection cost one point whatever its size (700 aliased {@code
 * incomeDistribution} fields: 4.4 MB in 1.3 s for 1 point) and nothing bounded how many queries one
 * client ran at once. Each client here is told apart by the address the trusted loopback proxy
 * reports in {@code X-Forwarded-For}; the limits are small (300 points per 20 s window, 2 queries
 * at once, 5 refused requests per window) so that each case takes seconds. The machine is shared
 * and often loaded: time is asserted against generous bounds or against the same client's time
 * without the attack.
 */
@Tag("attack")
@ApiIntegrationTest
class OneClientCannotStarveOthersAttackTest extends SharedDatabase {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int COST_PER_WINDOW = 300;

  /**
   * What one client's whole window may make the server build: 100 values a point (the cost model's
   * unit) at 64 bytes a value, far above what an income cell takes (about 15 bytes a value).
   */
  private static final long BYTES_PER_WINDOW = COST_PER_WINDOW * 100L * 64;

  @LocalServerPort int port;

  @DynamicPropertySource
  static void smallLimits(DynamicPropertyRegistry registry) {
    registry.add("portal.api.rate-limit.cost-per-window", () -> Integer.toString(COST_PER_WINDOW));
    registry.add("portal.api.rate-limit.window", () -> "20s");
    registry.add("portal.api.rate-limit.max-concurrent-per-client", () -> "2");
    registry.add("portal.api.rate-limit.refused-per-window", () -> "5");
  }

  /** {@code n} aliases of the TOWNSHIP income table, each 33 rows × 6 columns of cells. */
  private static String incomeTables(int n) {
    StringBuilder query = new StringBuilder("{");
    for (int i = 0; i < n; i++) {
      query.append(" t").append(i).append(": incomeDistribution(year: 2023) {");
      query.append(" cells { row column count } }");
    }
    return query.append(" }").toString();
  }

  @Test
  void oneWindowOfTheHeaviestQueriesStaysWithinAFixedBudgetOfBytesAndTime() throws Exception {
    String client = "198.51.100.1";
    long bytes = 0;
    long started = System.nanoTime();
    int answered = 0;
    // The client spends its window on the heaviest query it may send, then on smaller ones.
    for (int aliases : new int[] {700, 100, 30, 30, 10, 10, 10, 10}) {
      for (int attempt = 0; attempt < 10 && bytes <= BYTES_PER_WINDOW; attempt++) {
        RawHttp.Response response = post(incomeTables(aliases), client);
        if (response.status() != 200) {
          break;
        }
        answered++;
        bytes += response.body().length;
      }
    }
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    System.out.printf(
        "Finding 2 (a): one window of %d points served %d answers, %d bytes, in %d ms%n",
        COST_PER_WINDOW, answered, bytes, millis);
    assertThat(answered).as("answers served in the window").isPositive();
    assertThat(bytes)
        .as("bytes served to one client in one window of %d points", COST_PER_WINDOW)
        .isLessThanOrEqualTo(BYTES_PER_WINDOW);
    assertThat(millis).as("time the window's queries took (ms)").isLessThan(10_000);
  }

  @Test
  void aClientRunningHeavyQueriesAtOnceSlowsNoOtherClient() throws Exception {
    String attacker = "198.51.100.2";
    String victim = "198.51.100.3";
    victimLatencies(victim, 1); // warm-up: the first answers of a fresh context are slow
    List<Long> baseline = victimLatencies(victim, 2);
    AtomicBoolean attacking = new AtomicBoolean(true);
    AtomicInteger attackerAnswers = new AtomicInteger();
    AtomicInteger attackerRefusals = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(16);
    List<Future<?>> attacks = new ArrayList<>();
    try {
      for (int t = 0; t < 16; t++) {
        // Half send the finding's 700 tables (beyond any window now), half 30 (within it).
        String heavy = incomeTables(t % 2 == 0 ? 700 : 30);
        attacks.add(
            pool.submit(
                () -> {
                  while (attacking.get()) {
                    int status = post(heavy, attacker).status();
                    (status == 200 ? attackerAnswers : attackerRefusals).incrementAndGet();
                  }
                  return null;
                }));
      }
      await("the attack is under way: the server has answered or refused it 16 times")
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(20))
          .until(() -> attackerAnswers.get() + attackerRefusals.get() >= 16);
      List<Long> underAttack = victimLatencies(victim, 5);
      attacking.set(false);
      String seen =
          "baseline %s ms, under attack %s ms; attacker: %d answered, %d refused"
              .formatted(baseline, underAttack, attackerAnswers.get(), attackerRefusals.get());
      System.out.println("Finding 2 (b): " + seen);
      assertThat(median(underAttack))
          .as("the other client's median small query (ms): " + seen)
          .isLessThanOrEqualTo(3 * median(baseline) + 500);
      assertThat(underAttack.stream().mapToLong(Long::longValue).max().orElseThrow())
          .as("the other client's slowest small query (ms): " + seen)
          // Below the 10 s request timeout the unfixed portal hit (503s); the attacker's two
          // queries within its window still fan out to the database at once (docs/reliability.md).
          .isLessThan(8_000);
    } finally {
      attacking.set(false);
      for (Future<?> attack : attacks) {
        attack.get(60, TimeUnit.SECONDS);
      }
      pool.shutdownNow();
    }
  }

  /** The latencies of a client's small queries for some seconds; each must be answered 200. */
  private List<Long> victimLatencies(String client, int seconds) throws InterruptedException {
    List<Long> latencies = new ArrayList<>();
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < until) {
      long started = System.nanoTime();
      RawHttp.Response answer = post("{ measure(code: \\\"P13\\\") { code } }", client);
      latencies.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
      assertThat(answer.status()).as("the other client's answer: %s", answer.text()).isEqualTo(200);
      // Not a wait: the other client is a modest one, a small query every 50 ms.
      Thread.sleep(50);
    }
    return latencies;
  }

  private static long median(List<Long> values) {
    List<Long> sorted = values.stream().sorted().toList();
    return sorted.get(sorted.size() / 2);
  }

  @Test
  void aRefusedQueryCostsNothingButRepeatedRefusalsAreRateLimited() throws Exception {
    String client = "198.51.100.4";
    List<String> refusedQueries =
        List.of(
            "{ plans { noSuchField } }",
            "{ plans { ",
            "{ plan(code: \\\"qt-kzt-2021-2025\\\") { "
                + "parentPlans(first: 1) { nodes { ".repeat(8)
                + "id"
                + " } }".repeat(8)
                + " } }");
    for (int i = 0; i < 5; i++) {
      RawHttp.Response refused = post(refusedQueries.get(i % refusedQueries.size()), client);
      assertThat(refused.status()).as("refused query %d", i).isNotEqualTo(429);
      assertThat(refused.header("X-RateLimit-Remaining"))
          .as("points left after refused query %d", i)
          .hasValue(Integer.toString(COST_PER_WINDOW));
    }
    RawHttp.Response limited = post(refusedQueries.get(0), client);
    assertThat(limited.status()).as("the 6th refused request in a window").isEqualTo(429);
    assertThat(limited.header("Retry-After")).isPresent();
    JsonNode error = JSON.readTree(limited.text()).path("errors").path(0);
    assertThat(error.at("/extensions/code").asText()).isEqualTo("RATE_LIMITED");
    // Until the window ends the client is refused whatever it sends (its next document would have
    // to be parsed to tell), with its points untouched; another client is not affected.
    RawHttp.Response good = post("{ measure(code: \\\"P13\\\") { code } }", client);
    assertThat(good.status()).isEqualTo(429);
    // Nothing can be spent until the reset, though no point was (docs/reliability.md,
    // second-round finding B: it said 300 remaining).
    assertThat(good.header("X-RateLimit-Remaining")).hasValue("0");
    assertThat(good.header("X-RateLimit-Used")).hasValue("0");
    long reset = Long.parseLong(good.header("X-RateLimit-Reset").orElseThrow());
    long retryAfter = Long.parseLong(good.header("Retry-After").orElseThrow());
    long now = java.time.Instant.now().getEpochSecond();
    assertThat(reset).as("X-RateLimit-Reset").isBetween(now, now + 21);
    assertThat(now + retryAfter).as("Retry-After").isBetween(reset, reset + 2);
    assertThat(post("{ measure(code: \\\"P13\\\") { code } }", "198.51.100.6").status())
        .isEqualTo(200);
  }

  @Test
  void aQueryCostingMoreThanTheWholeWindowIsRefusedAtOnceWithoutRetryAfter() throws Exception {
    String client = "198.51.100.5";
    long started = System.nanoTime();
    RawHttp.Response refused = post(incomeTables(700), client);
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    System.out.printf(
        "Finding 2 (d): 700 tables -> %d in %d ms: %s%n", refused.status(), millis, refused.text());
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.header("Retry-After")).as("Retry-After: waiting never helps").isEmpty();
    JsonNode body = JSON.readTree(refused.text());
    assertThat(body.path("data").isNull() || body.path("data").isMissingNode()).isTrue();
    assertThat(body.at("/errors/0/extensions/code").asText()).isEqualTo("QUERY_TOO_EXPENSIVE");
    assertThat(body.at("/errors/0/message").asText()).contains("more than the whole window");
    assertThat(refused.header("X-RateLimit-Remaining")).hasValue(Integer.toString(COST_PER_WINDOW));
    assertThat(millis).as("refused before anything ran (ms)").isLessThan(3_000);
  }

  private RawHttp.Response post(String query, String client) {
    return RawHttp.post(
        "http://localhost:" + port + "/graphql",
        "{\"query\":\"" + query + "\"}",
        "X-Forwarded-For",
        client);
  }
}
