package cn.qingtian.portal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import cn.qingtian.portal.ApiIntegrationTest;
import cn.qingtian.portal.RawHttp;
import cn.qingtian.portal.SharedDatabase;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * At its bound of open connections (here 2) the portal stops accepting: a new connection waits,
 * without an error, until one closes, and is then answered; the count comes back to 0 after many
 * connections opened and closed, and the gauge of open connections is exported.
 */
@ApiIntegrationTest
@TestPropertySource(properties = "portal.http.max-connections=2")
class ConnectionLimitTest extends SharedDatabase {

  @LocalServerPort int port;

  @Autowired ConnectionLimit limit;

  @Test
  void atTheBoundANewConnectionWaitsUntilOneClosesAndIsThenAnswered() throws Exception {
    try (Socket first = new Socket("127.0.0.1", port);
        Socket second = new Socket("127.0.0.1", port);
        Socket waiting = waitingConnection()) {
      assertThat(limit.open()).isEqualTo(2);
      waiting
          .getOutputStream()
          .write(
              "GET /actuator/health/liveness HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                  .getBytes(StandardCharsets.US_ASCII));
      waiting.setSoTimeout(1_500);
      assertThatThrownBy(() -> waiting.getInputStream().read())
          .as("not accepted while two are open")
          .isInstanceOf(SocketTimeoutException.class);

      first.close();
      waiting.setSoTimeout(10_000);
      String answer =
          new String(waiting.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
      assertThat(answer).startsWith("HTTP/1.1 200");
    }
    awaitOpen(0);

    for (int i = 0; i < 100; i++) {
      new Socket("127.0.0.1", port).close();
    }
    awaitOpen(0);
    assertThat(RawHttp.get("http://localhost:" + port + "/actuator/prometheus").text())
        .contains("portal_http_connections 1.0");
  }

  /** Two connections open and counted, then a third: connected in the kernel, not accepted. */
  private Socket waitingConnection() throws IOException, InterruptedException {
    awaitOpen(2);
    return new Socket("127.0.0.1", port);
  }

  private void awaitOpen(int count) {
    await(count + " connections open")
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(10))
        .untilAsserted(() -> assertThat(limit.open()).isEqualTo(count));
  }
}
