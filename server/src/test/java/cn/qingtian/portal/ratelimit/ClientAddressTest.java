package cn.qingtian.portal.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

/** A client cannot choose its own address: the proxy header counts only from a trusted proxy. */
class ClientAddressTest {

  private final ClientAddress clients =
      ClientAddress.of(
          new RateLimitProperties(
              true, 100, Duration.ofMinutes(1), "X-Forwarded-For", List.of("10.0.0.1"), 10, 4, 60));

  @Test
  void aPeerThatIsNotATrustedProxyIsTheClientWhateverHeaderItSends() {
    assertThat(clients.of(from("198.51.100.7", "203.0.113.9"))).isEqualTo("198.51.100.7");
  }

  @Test
  void behindTheTrustedProxyTheClientIsTheAddressTheProxySaw() {
    // The client wrote the first entry itself; the proxy appended the address it saw.
    assertThat(clients.of(from("10.0.0.1", "1.2.3.4, 203.0.113.9"))).isEqualTo("203.0.113.9");
    assertThat(clients.of(from("10.0.0.1", "203.0.113.9, 10.0.0.1"))).isEqualTo("203.0.113.9");
    assertThat(clients.of(from("10.0.0.1", null))).isEqualTo("10.0.0.1");
  }

  private static MockServerHttpRequest from(String peer, String forwardedFor) {
    var request =
        MockServerHttpRequest.post("/graphql").remoteAddress(new InetSocketAddress(peer, 40000));
    if (forwardedFor != null) {
      request.header("X-Forwarded-For", forwardedFor);
    }
    return request.build();
  }
}
