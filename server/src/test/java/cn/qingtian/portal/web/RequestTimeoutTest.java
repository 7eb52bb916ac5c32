package cn.qingtian.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qingtian.portal.ApiIntegrationTest;
import cn.qingtian.portal.RawHttp;
import cn.qingtian.portal.SharedDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * A query not answered within the request timeout, or a download whose answer has not started
 * within the start timeout (both here set so short that none is), is cancelled and answered with a
 * 503 and Retry-After, never left hanging.
 */
@ApiIntegrationTest
@TestPropertySource(
    properties = {
      "portal.api.request-timeout=1ms",
      "portal.http.response-start-timeout=1ms",
      "portal.api.response-cache.enabled=false"
    })
class RequestTimeoutTest extends SharedDatabase {

  @LocalServerPort int port;

  @Test
  void aDownloadWhoseAnswerCannotStartInTimeGets503WithRetryAfter() {
    // The first download of a release waits for its files to be written: far longer than 1 ms.
    RawHttp.Response response =
        RawHttp.get("http://localhost:" + port + "/datasets/measures/latest/measures.csv");
    assertThat(response.status()).as(response.text()).isEqualTo(503);
    assertThat(response.header("Retry-After")).hasValue("10");
    assertThat(response.header("Cache-Control")).hasValue("no-store");
    assertThat(response.header("ETag")).isEmpty();
    assertThat(response.text()).contains("稍后重试", "could not be started within 1 ms");
    assertThat(RawHttp.get("http://localhost:" + port + "/actuator/health/liveness").status())
        .as("the actuator is not cut")
        .isEqualTo(200);
  }

  @Test
  void aQueryOverTheTimeoutGets503WithRetryAfterAndAGraphQlError() {
    RawHttp.Response response =
        RawHttp.post(
            "http://localhost:" + port + "/graphql",
            "{\"query\":\"{ measures(first: 100) { nodes { code indicators { totalCount } } } }\"}");
    assertThat(response.status()).as(response.text()).isEqualTo(503);
    assertThat(response.header("Retry-After")).hasValue("10");
    assertThat(response.header("Cache-Control")).hasValue("no-store");
    assertThat(response.text())
        .contains("\"code\":\"REQUEST_TIMEOUT\"", "took longer than 1 ms")
        .doesNotContain("Exception", "at cn.");
  }

  /**
   * A client that offers HTTP/2 over cleartext (the JDK's HttpClient does by default, so does
   * {@code curl --http2}) sends {@code Upgrade: h2c} with its first request; the server answers in
   * HTTP/1.1, and the query is an ordinary query, so the timeout applies to it too. Only a
   * WebSocket handshake is not a query.
   */
  @Test
  void aQueryOfferingAnUpgradeToHttp2IsCutByTheTimeoutToo() {
    RawHttp.Response response =
        RawHttp.post(
            "http://localhost:" + port + "/graphql",
            "{\"query\":\"{ measures(first: 100) { nodes { code indicators { totalCount } } } }\"}",
            "Connection",
            "Upgrade, HTTP2-Settings",
            "Upgrade",
            "h2c",
            "HTTP2-Settings",
            "AAEAAEAAAAIAAAABAAMAAABkAAQBAAAAAAUAAEAA");
    assertThat(response.status()).as(response.text()).isEqualTo(503);
    assertThat(response.text()).contains("\"code\":\"REQUEST_TIMEOUT\"");
  }
}
