package cn.qingtian.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qingtian.portal.ApiIntegrationTest;
import cn.qingtian.portal.RawHttp;
import cn.qingtian.portal.SharedDatabase;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.server.reactive.SslInfo;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.test.context.TestPropertySource;

/**
 * Every answer of the portal, whoever writes it (a route, the site's 404, the rate limit's 429, the
 * timeout's 503, the empty-body 400, a 304, the actuator), carries the Content-Security-Policy and
 * the other security headers; Strict-Transport-Security only when the request came over TLS, as a
 * trusted proxy reports it.
 */
@ApiIntegrationTest
class SecurityHeadersTest extends SharedDatabase {

  static final String QUERY = "{ currentRelease { number version } }";

  @LocalServerPort int port;

  @Test
  void theSitesPagesAssetsAndItsNotFoundPageCarryTheStrictPolicy() {
    for (String path : List.of("", "indicators/", "assets/site.css", "search/index.json")) {
      RawHttp.Response response = RawHttp.get(url(port, path));
      assertThat(response.status()).as(path).isIn(200, 404);
      assertSecurityHeaders(response, path, SecurityHeaders.POLICY);
    }
    RawHttp.Response missing = RawHttp.get(url(port, "no-such-page/"));
    assertThat(missing.status()).isEqualTo(404);
    assertSecurityHeaders(missing, "site 404", SecurityHeaders.POLICY);
    RawHttp.Response redirect = RawHttp.get(url(port, "indicators"));
    assertSecurityHeaders(redirect, "site redirect " + redirect.status(), SecurityHeaders.POLICY);
  }

  @Test
  void graphqlAnswersCarryTheHeadersWhetherPostGetNotModifiedOrRefused() {
    String get = url(port, "graphql?query=" + URLEncoder.encode(QUERY, StandardCharsets.UTF_8));
    Map<String, RawHttp.Response> answers = new java.util.LinkedHashMap<>();
    answers.put("POST 200", RawHttp.post(url(port, "graphql"), "{\"query\":\"" + QUERY + "\"}"));
    RawHttp.Response ok = RawHttp.get(get);
    answers.put("GET 200", ok);
    answers.put("GET 304", RawHttp.get(get, "If-None-Match", ok.header("ETag").orElseThrow()));
    answers.put(
        "POST 400 no body",
        HttpMethods.send(
            "POST",
            url(port, "graphql"),
            null,
            "Content-Type",
            "application/json",
            "Content-Length",
            "0"));
    answers.put(
        "GET 405 mutation",
        RawHttp.get(
            url(
                port,
                "graphql?query=" + URLEncoder.encode("mutation { x }", StandardCharsets.UTF_8))));
    answers.put(
        "POST 400 unparsable",
        RawHttp.post(url(port, "graphql"), "{\"query\":\"{ currentRelease\"}"));
    answers.put("PUT 405", HttpMethods.send("PUT", url(port, "graphql"), "{}"));
    answers.put("schema", RawHttp.get(url(port, "graphql/schema.graphqls")));
    assertThat(answers.get("GET 304").status()).isEqualTo(304);
    assertThat(answers.get("POST 400 no body").status()).isEqualTo(400);
    assertThat(answers.get("GET 405 mutation").status()).isEqualTo(405);
    answers.forEach(
        (what, response) -> assertSecurityHeaders(response, what, SecurityHeaders.POLICY));
  }

  @Test
  void graphiqlCarriesItsOwnPolicyThatAllowsOnlyItsEmbeddedFontsBeyondTheStrictOne() {
    RawHttp.Response page = RawHttp.get(url(port, "graphiql"));
    assertThat(page.status()).isEqualTo(200);
    assertSecurityHeaders(page, "graphiql", GraphiqlRoutes.POLICY);
    assertThat(GraphiqlRoutes.POLICY)
        .contains("script-src 'self';", "style-src 'self';", "font-src 'self' data:;")
        .doesNotContain("unsafe-inline", "unsafe-eval");
    assertThat(page.text()).doesNotContain("<style", "style=", "<script>");
    RawHttp.Response start = RawHttp.get(url(port, "graphiql/start.js"));
    assertThat(start.status()).isEqualTo(200);
    assertSecurityHeaders(start, "graphiql/start.js", SecurityHeaders.POLICY);
    RawHttp.Response css = RawHttp.get(url(port, "graphiql/page.css"));
    assertThat(css.status()).isEqualTo(200);
    assertThat(css.text()).contains("#graphiql");
    assertSecurityHeaders(
        RawHttp.get(url(port, "webjars/graphiql/2.4.7/graphiql.min.js")),
        "webjar",
        SecurityHeaders.POLICY);
  }

  @Test
  void downloadsCarryTheHeadersWhetherWholePartialNotModifiedOrMissing() {
    String file = url(port, "datasets/measures/latest/measures.csv");
    RawHttp.Response whole = RawHttp.get(file);
    assertThat(whole.status()).isEqualTo(200);
    RawHttp.Response partial = RawHttp.get(file, "Range", "bytes=0-9");
    assertThat(partial.status()).isEqualTo(206);
    RawHttp.Response notModified =
        RawHttp.get(file, "If-None-Match", whole.header("ETag").orElseThrow());
    assertThat(notModified.status()).isEqualTo(304);
    RawHttp.Response missing = RawHttp.get(url(port, "datasets/measures/latest/nothing.csv"));
    assertThat(missing.status()).isEqualTo(404);
    RawHttp.Response head = RawHttp.head(file);
    for (Map.Entry<String, RawHttp.Response> answer :
        Map.of(
                "200",
                whole,
                "206",
                partial,
                "304",
                notModified,
                "404",
                missing,
                "HEAD",
                head,
                "catalog",
                RawHttp.get(url(port, "datasets/catalog.ttl")))
            .entrySet()) {
      assertSecurityHeaders(
          answer.getValue(), "datasets " + answer.getKey(), SecurityHeaders.POLICY);
    }
  }

  @Test
  void theActuatorsAnswersCarryTheHeaders() {
    for (String path : List.of("actuator/health", "actuator/info", "actuator/env", "actuator")) {
      RawHttp.Response response = RawHttp.get(url(port, path));
      assertSecurityHeaders(response, path + " " + response.status(), SecurityHeaders.POLICY);
    }
  }

  @Test
  void strictTransportSecurityOnlyWhenTheLocalProxySaysTheRequestCameOverTls() {
    String home = url(port, "");
    assertThat(RawHttp.get(home).header("Strict-Transport-Security")).isEmpty();
    assertThat(RawHttp.get(home, "X-Forwarded-Proto", "http").header("Strict-Transport-Security"))
        .isEmpty();
    assertThat(RawHttp.get(home, "X-Forwarded-Proto", "https").header("Strict-Transport-Security"))
        .hasValue("max-age=31536000; includeSubDomains");
    assertThat(
            RawHttp.post(
                    url(port, "graphql"),
                    "{\"query\":\"" + QUERY + "\"}",
                    "X-Forwarded-Proto",
                    "https")
                .header("Strict-Transport-Security"))
        .hasValue("max-age=31536000; includeSubDomains");
  }

  @Test
  void tlsIsBelievedFromTheConnectionOrATrustedProxyButNotFromAnyOtherPeer() {
    TransportSecurity transport = new TransportSecurity(List.of("127.0.0.1", "::1"));
    InetSocketAddress proxy = new InetSocketAddress("127.0.0.1", 40000);
    InetSocketAddress stranger = new InetSocketAddress("203.0.113.9", 40000);
    assertThat(transport.isSecure(request(proxy, "https"))).isTrue();
    assertThat(transport.isSecure(request(proxy, "http"))).isFalse();
    assertThat(transport.isSecure(request(proxy, null))).isFalse();
    assertThat(transport.isSecure(request(proxy, "http, https"))).as("the last hop").isTrue();
    assertThat(transport.isSecure(request(proxy, "https, http"))).isFalse();
    assertThat(transport.isSecure(request(stranger, "https"))).isFalse();
    SslInfo tls =
        new SslInfo() {
          @Override
          public String getSessionId() {
            return "session";
          }

          @Override
          public X509Certificate[] getPeerCertificates() {
            return null;
          }
        };
    assertThat(
            transport.isSecure(
                MockServerHttpRequest.get("https://portal.example/")
                    .remoteAddress(stranger)
                    .sslInfo(tls)
                    .build()))
        .as("TLS on the connection itself")
        .isTrue();
  }

  private static MockServerHttpRequest request(InetSocketAddress peer, String proto) {
    MockServerHttpRequest.BaseBuilder<?> request =
        MockServerHttpRequest.get("http://portal.example/").remoteAddress(peer);
    if (proto != null) {
      request.header("X-Forwarded-Proto", proto);
    }
    return request.build();
  }

  /** The rate limit's 429, written by its own filter, carries the headers (and CORS for pages). */
  @Nested
  @TestPropertySource(properties = "portal.api.rate-limit.cost-per-window=1")
  class WhenTheRateLimitIsSpent {

    @LocalServerPort int port;

    @Test
    void the429CarriesTheSecurityAndCrossOriginHeaders() {
      RawHttp.Response response = null;
      for (int i = 0; i < 5 && (response == null || response.status() != 429); i++) {
        response =
            RawHttp.post(
                url(port, "graphql"),
                "{\"query\":\"" + QUERY + "\"}",
                "X-Forwarded-For",
                "198.51.100.29",
                "Origin",
                "https://newsroom.example");
      }
      assertThat(response.status()).as(response.text()).isEqualTo(429);
      assertThat(response.header("Retry-After")).isPresent();
      assertSecurityHeaders(response, "429", SecurityHeaders.POLICY);
      assertThat(response.header("Access-Control-Allow-Origin")).hasValue("*");
      assertThat(response.header("Access-Control-Expose-Headers").orElseThrow())
          .contains("Retry-After", "X-RateLimit-Reset");
    }
  }

  /** The timeout's 503, written by its own filter after the chain failed, carries the headers. */
  @Nested
  @TestPropertySource(
      properties = {"portal.api.request-timeout=1ms", "portal.api.response-cache.enabled=false"})
  class WhenAQueryTimesOut {

    @LocalServerPort int port;

    @Test
    void the503CarriesTheSecurityAndCrossOriginHeaders() {
      RawHttp.Response response =
          RawHttp.post(
              url(port, "graphql"),
              "{\"query\":\"{ measures(first: 100) { nodes { code indicators { totalCount } } } }\"}",
              "Origin",
              "https://newsroom.example");
      assertThat(response.status()).as(response.text()).isEqualTo(503);
      assertSecurityHeaders(response, "503", SecurityHeaders.POLICY);
      assertThat(response.header("Access-Control-Allow-Origin")).hasValue("*");
    }
  }

  /** With loopback not among the trusted proxies, its X-Forwarded-Proto is not believed. */
  @Nested
  @TestPropertySource(properties = "portal.api.rate-limit.trusted-proxies=192.0.2.1")
  class WhenTheForwardedHeaderComesFromAnUntrustedPeer {

    @LocalServerPort int port;

    @Test
    void itsClaimOfTlsIsIgnored() {
      RawHttp.Response response = RawHttp.get(url(port, ""), "X-Forwarded-Proto", "https");
      assertThat(response.header("Strict-Transport-Security")).isEmpty();
      assertSecurityHeaders(response, "home", SecurityHeaders.POLICY);
    }
  }

  static void assertSecurityHeaders(RawHttp.Response response, String what, String policy) {
    assertThat(response.headers().getAll("Content-Security-Policy"))
        .as(what)
        .containsExactly(policy);
    assertThat(response.header("X-Content-Type-Options")).as(what).hasValue("nosniff");
    assertThat(response.header("Referrer-Policy"))
        .as(what)
        .hasValue("strict-origin-when-cross-origin");
    assertThat(response.header("X-Frame-Options")).as(what).hasValue("DENY");
    assertThat(response.header("Strict-Transport-Security"))
        .as(what + " over plain HTTP")
        .isEmpty();
  }

  static String url(int port, String path) {
    return "http://localhost:" + port + "/" + path;
  }
}
