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
              true,
              100,
              Duration.ofMinutes(1),
              "X-Forwarded-For",
              List.of("10.0.0.1"),
              10,
              4,
              60,
              Duration.ofMillis(10),
              ""));

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

  @Test
  void oneClientHasOneBucketWhateverSpellingTheProxyPassesOn() {
    // docs/reliability.md, second-round finding B: each spelling was a fresh bucket.
    assertThat(clients.of(from("10.0.0.1", "1.2.3.4:5678"))).isEqualTo("1.2.3.4");
    assertThat(clients.of(from("10.0.0.1", "::ffff:1.2.3.4"))).isEqualTo("1.2.3.4");
    assertThat(clients.of(from("10.0.0.1", "[::ffff:1.2.3.4]:443"))).isEqualTo("1.2.3.4");
    String six = clients.of(from("10.0.0.1", "2001:db8::1"));
    assertThat(clients.of(from("10.0.0.1", "2001:DB8:0:0:0:0:0:1"))).isEqualTo(six);
    assertThat(clients.of(from("10.0.0.1", "[2001:db8::1]:80"))).isEqualTo(six);
    assertThat(clients.of(from("10.0.0.1", "2001:0db8::0001"))).isEqualTo(six);
    assertThat(clients.of(from("10.0.0.1", "[::1]:80")))
        .isEqualTo(clients.of(from("10.0.0.1", "0:0:0:0:0:0:0:1")));
  }

  /** A host is usually given a whole /64: each of its addresses would be a fresh bucket. */
  @Test
  void anIpv6ClientIsCountedByItsSlash64() {
    String network = clients.of(from("10.0.0.1", "2001:db8::2"));
    assertThat(network).isEqualTo("2001:db8:0:0::/64");
    assertThat(clients.of(from("10.0.0.1", "2001:db8::3"))).isEqualTo(network);
    assertThat(clients.of(from("10.0.0.1", "2001:db8::ffff:ffff:ffff:ffff"))).isEqualTo(network);
    assertThat(clients.of(from("10.0.0.1", "2001:db8:0:1::2"))).isNotEqualTo(network);
    assertThat(clients.of(from("10.0.0.1", "::1"))).isEqualTo("0:0:0:0:0:0:0:1");
  }

  @Test
  void aValueThatIsNotAnAddressCountsAsTheProxysOwn() {
    for (String garbage :
        new String[] {
          "garbage", "unknown", "evil.example", "1.2.3.256", "1.2.3.4:port", "[::1", "::g", "1.2.3"
        }) {
      assertThat(clients.of(from("10.0.0.1", garbage))).as(garbage).isEqualTo("10.0.0.1");
    }
    // Not a name lookup either: the header is the client's to fill.
    assertThat(ClientAddress.normalise("localhost")).isEmpty();
  }

  @Test
  void aTrustedProxyIsRecognisedInAnySpelling() {
    ClientAddress loopback =
        new ClientAddress("X-Forwarded-For", java.util.Set.of("127.0.0.1", "::1"));
    assertThat(loopback.of(from("127.0.0.1", "203.0.113.9, ::1"))).isEqualTo("203.0.113.9");
    assertThat(loopback.of(from("::1", "203.0.113.9:1234, 127.0.0.1:80"))).isEqualTo("203.0.113.9");
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
