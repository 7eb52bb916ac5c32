package cn.qingtian.portal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.qingtian.portal.ApiIntegrationTest;
import cn.qingtian.portal.RawHttp;
import cn.qingtian.portal.UncachedAnswers;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Beyond its bound of requests in flight (here 2) the portal answers at once with a 503 and
 * Retry-After instead of queueing without limit; health probes are still answered, and a slot is
 * given back when its request ends, even when the client goes away.
 */
@ApiIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class InFlightLimitTest extends UncachedAnswers {

  private static final String QUERY = "/graphql?query=%7B__typename%7D";

  @LocalServerPort int port;

  private final List<Socket> held = new ArrayList<>();

  @AfterEach
  void release() throws IOException {
    for (Socket socket : held) {
      socket.close();
    }
  }

  @Test
  void beyondTheBoundARequestGets503AtOnceAndASlotComesBackWhenItsClientLeaves(CapturedOutput log)
      throws IOException {
    assertThat(get(QUERY).status()).isEqualTo(200);
    holdTwoRequests();

    long start = System.nanoTime();
    // Offering HTTP/2 (as the JDK's HttpClient does on every new connection) changes nothing.
    RawHttp.Response refused = RawHttp.get("http://localhost:" + port + QUERY, "Upgrade", "h2c");
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertThat(refused.status()).as(refused.text()).isEqualTo(503);
    assertThat(millis).as("answered without waiting for a slot").isLessThan(2_000);
    assertThat(refused.header("Retry-After")).hasValue("1");
    assertThat(refused.header("Cache-Control")).hasValue("no-store");
    assertThat(refused.header("Content-Security-Policy")).isPresent();
    assertThat(refused.text()).contains("\"code\":\"OVERLOADED\"", "服务器繁忙", "try again");

    RawHttp.Response page = get("/datasets/");
    assertThat(page.status()).isEqualTo(503);
    assertThat(page.header("Retry-After")).hasValue("1");
    assertThat(page.header("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));

    assertThat(get("/actuator/health/liveness").status())
        .as("probes are not counted")
        .isEqualTo(200);
    assertThat(get("/actuator/prometheus").text())
        .containsPattern("portal_overload_rejections_total\\S* [2-9]");

    release();
    held.clear();
    await("a slot comes back when its client leaves")
        .atMost(Duration.ofSeconds(10))
        .pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofMillis(20))
        .until(() -> get(QUERY).status(), status -> status == 200);
    assertThat(get(QUERY).status()).as("both slots are free again").isEqualTo(200);
    assertThat(log.getOut())
        .as("a client that leaves is not a server error")
        .doesNotContain("500 Server Error", "AbortedException");
  }

  /**
   * Two POSTs whose bodies never finish arriving: each is in flight until its client leaves. The
   * warm-up request's slot is given back only after its answer has reached the client, so the two
   * are sent once the gauge reads 0 (else the second could be refused).
   */
  private void holdTwoRequests() throws IOException {
    awaitInFlight(0);
    for (int i = 0; i < 2; i++) {
      Socket socket = new Socket("127.0.0.1", port);
      held.add(socket);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                  + "Content-Length: 1000\r\n\r\n{\"query\":")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
    }
    awaitInFlight(2);
  }

  private void awaitInFlight(int requests) {
    String gauge = "portal_http_in_flight " + requests + ".0";
    await(requests + " requests in flight")
        .atMost(Duration.ofSeconds(10))
        .pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofMillis(20))
        .until(() -> get("/actuator/prometheus").text().contains(gauge));
  }

  private RawHttp.Response get(String path) {
    return RawHttp.get("http://localhost:" + port + path);
  }
}
