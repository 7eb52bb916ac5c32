package cn.qingtian.portal.web;

import static cn.qingtian.portal.web.SecurityHeadersTest.url;
import static org.assertj.core.api.Assertions.assertThat;

import cn.qingtian.portal.ApiIntegrationTest;
import cn.qingtian.portal.RawHttp;
import cn.qingtian.portal.SharedDatabase;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A web page on any other site may query the API and fetch the downloads from the browser: {@code
 * Access-Control-Allow-Origin: *} (never with credentials), preflights answered without touching
 * the rate limit, every header those routes set readable by the page. The site, GraphiQL and the
 * actuator are not opened to other origins.
 */
@ApiIntegrationTest
class CorsTest extends SharedDatabase {

  private static final String ORIGIN = "https://newsroom.example";
  private static final String QUERY = SecurityHeadersTest.QUERY;

  /** Headers a page may read without being told, or that say nothing to a page. */
  private static final Set<String> NEED_NOT_BE_EXPOSED =
      Set.of(
          "cache-control",
          "content-language",
          "content-type",
          "expires",
          "pragma",
          "vary",
          "date",
          "connection",
          "keep-alive",
          "transfer-encoding",
          "content-security-policy",
          "x-content-type-options",
          "referrer-policy",
          "x-frame-options",
          "access-control-allow-origin",
          "access-control-expose-headers");

  @LocalServerPort int port;

  @Test
  void aPreflightForAGraphqlPostIsAnsweredWithTheMethodsHeadersAndMaxAge() {
    RawHttp.Response preflight =
        HttpMethods.options(
            url(port, "graphql"),
            "Origin",
            ORIGIN,
            "Access-Control-Request-Method",
            "POST",
            "Access-Control-Request-Headers",
            "content-type, apollo-require-preflight, x-apollo-operation-name");
    assertThat(preflight.status()).isIn(200, 204);
    assertThat(preflight.header("Access-Control-Allow-Origin")).hasValue("*");
    assertThat(list(preflight, "Access-Control-Allow-Methods")).contains("get", "post");
    assertThat(list(preflight, "Access-Control-Allow-Headers"))
        .contains(
            "content-type",
            "accept",
            "if-none-match",
            "if-modified-since",
            "range",
            "apollo-require-preflight",
            "x-apollo-operation-name");
    assertThat(preflight.header("Access-Control-Max-Age")).hasValue(CrossOrigin.MAX_AGE);
    assertThat(preflight.header("Access-Control-Allow-Credentials")).isEmpty();
    assertThat(preflight.header("X-RateLimit-Remaining"))
        .as("not seen by the rate limit")
        .isEmpty();
    SecurityHeadersTest.assertSecurityHeaders(preflight, "preflight", SecurityHeaders.POLICY);
    RawHttp.Response schema =
        HttpMethods.options(
            url(port, "graphql/schema.graphqls"),
            "Origin",
            ORIGIN,
            "Access-Control-Request-Method",
            "GET");
    assertThat(schema.status()).isIn(200, 204);
    assertThat(schema.header("Access-Control-Allow-Origin")).hasValue("*");
  }

  @Test
  void preflightsCostNothingOfTheRateLimitAndAreNotRefusedForHavingNoBody() throws Exception {
    String client = "198.51.100.44"; // through the local proxy: a client of its own
    for (int i = 0; i < 20; i++) {
      RawHttp.Response preflight =
          HttpMethods.options(
              url(port, "graphql"),
              "X-Forwarded-For",
              client,
              "Origin",
              ORIGIN,
              "Access-Control-Request-Method",
              "POST",
              "Access-Control-Request-Headers",
              "content-type");
      assertThat(preflight.status()).isEqualTo(204);
      assertThat(preflight.body()).isEmpty();
    }
    RawHttp.Response query =
        RawHttp.post(
            url(port, "graphql"),
            "{\"query\":\"" + QUERY + "\"}",
            "X-Forwarded-For",
            client,
            "Origin",
            ORIGIN);
    assertThat(query.status()).isEqualTo(200);
    int cost =
        new ObjectMapper().readTree(query.body()).at("/extensions/cost/requestedQueryCost").asInt();
    assertThat(query.header("X-RateLimit-Used"))
        .as("only the query was charged")
        .hasValue(Integer.toString(Math.max(1, cost)));
  }

  @Test
  void aPreflightForTheDownloadsAllowsGetAndHeadWithRangeAndConditionalHeaders() {
    RawHttp.Response preflight =
        HttpMethods.options(
            url(port, "datasets/measures/latest/measures.csv"),
            "Origin",
            ORIGIN,
            "Access-Control-Request-Method",
            "GET",
            "Access-Control-Request-Headers",
            "range, if-none-match, if-modified-since");
    assertThat(preflight.status()).isIn(200, 204);
    assertThat(preflight.header("Access-Control-Allow-Origin")).hasValue("*");
    assertThat(list(preflight, "Access-Control-Allow-Methods")).contains("get", "head");
    assertThat(list(preflight, "Access-Control-Allow-Methods")).doesNotContain("post", "put");
    assertThat(list(preflight, "Access-Control-Allow-Headers"))
        .contains("range", "if-none-match", "if-modified-since");
  }

  @Test
  void graphqlAnswersAreOpenToEveryOriginAndExposeEveryHeaderTheySet() {
    String get = url(port, "graphql?query=" + URLEncoder.encode(QUERY, StandardCharsets.UTF_8));
    RawHttp.Response ok = RawHttp.get(get, "Origin", ORIGIN);
    List<RawHttp.Response> answers =
        List.of(
            RawHttp.post(url(port, "graphql"), "{\"query\":\"" + QUERY + "\"}", "Origin", ORIGIN),
            ok,
            RawHttp.get(get, "Origin", ORIGIN, "If-None-Match", ok.header("ETag").orElseThrow()),
            RawHttp.get(get),
            HttpMethods.send(
                "POST",
                url(port, "graphql"),
                null,
                "Content-Type",
                "application/json",
                "Content-Length",
                "0",
                "Origin",
                ORIGIN),
            RawHttp.get(url(port, "graphql/schema.graphqls"), "Origin", ORIGIN));
    for (RawHttp.Response response : answers) {
      assertOpen(response);
    }
    assertThat(list(ok, "Access-Control-Expose-Headers"))
        .contains("etag", "x-ratelimit-remaining", "x-ratelimit-reset", "retry-after");
  }

  @Test
  void downloadsAreOpenToEveryOriginAndExposeEveryHeaderTheySet() {
    String file = url(port, "datasets/measures/latest/measures.csv");
    RawHttp.Response whole = RawHttp.get(file, "Origin", ORIGIN);
    List<RawHttp.Response> answers =
        List.of(
            whole,
            RawHttp.get(file, "Origin", ORIGIN, "Range", "bytes=0-9"),
            RawHttp.get(file, "Origin", ORIGIN, "Accept-Encoding", "gzip"),
            RawHttp.get(
                file, "Origin", ORIGIN, "If-None-Match", whole.header("ETag").orElseThrow()),
            RawHttp.get(url(port, "datasets/measures/latest/nothing.csv"), "Origin", ORIGIN),
            RawHttp.head(file),
            RawHttp.get(url(port, "datasets/catalog.jsonld")));
    for (RawHttp.Response response : answers) {
      assertOpen(response);
    }
    assertThat(list(whole, "Access-Control-Expose-Headers"))
        .contains("content-range", "content-disposition", "etag", "last-modified");
  }

  @Test
  void theSiteGraphiqlAndTheActuatorAreNotOpenedToOtherOrigins() {
    for (String path :
        List.of("", "assets/site.css", "graphiql", "actuator/health", "actuator/info")) {
      RawHttp.Response response = RawHttp.get(url(port, path), "Origin", ORIGIN);
      assertThat(response.header("Access-Control-Allow-Origin")).as(path).isEmpty();
      RawHttp.Response preflight =
          HttpMethods.options(
              url(port, path), "Origin", ORIGIN, "Access-Control-Request-Method", "GET");
      assertThat(preflight.header("Access-Control-Allow-Origin")).as("preflight " + path).isEmpty();
    }
  }

  /** Open to every origin, never with credentials, and every header it set readable. */
  private static void assertOpen(RawHttp.Response response) {
    String what = response.status() + " " + response.headers().names();
    assertThat(response.headers().getAll("Access-Control-Allow-Origin"))
        .as(what)
        .containsExactly("*");
    assertThat(response.header("Access-Control-Allow-Credentials")).as(what).isEmpty();
    Set<String> exposed = Set.copyOf(list(response, "Access-Control-Expose-Headers"));
    Set<String> unreadable =
        response.headers().names().stream()
            .map(name -> name.toLowerCase(Locale.ROOT))
            .filter(name -> !NEED_NOT_BE_EXPOSED.contains(name) && !exposed.contains(name))
            .collect(Collectors.toSet());
    assertThat(unreadable).as("headers a page could not read: " + what).isEmpty();
  }

  private static List<String> list(RawHttp.Response response, String header) {
    return response.header(header).stream()
        .flatMap(value -> Arrays.stream(value.split(",")))
        .map(value -> value.strip().toLowerCase(Locale.ROOT))
        .toList();
  }
}
