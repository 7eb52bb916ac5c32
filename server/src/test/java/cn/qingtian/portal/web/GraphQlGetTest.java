package cn.qingtian.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qingtian.portal.ApiIntegrationTest;
import cn.qingtian.portal.RawHttp;
import cn.qingtian.portal.SharedDatabase;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Queries over GET, as browsers and CDNs cache them: the same answer as POST, an ETag that an
 * unchanged answer revalidates with a 304, and only queries.
 */
@ApiIntegrationTest
class GraphQlGetTest extends SharedDatabase {

  private static final String QUERY =
      "query Measure($code: String!) { measure(code: $code) { code title } }";

  @LocalServerPort int port;

  @Test
  void aQueryOverGetAnswersAsOverPostAndMayBeCached() {
    RawHttp.Response get = RawHttp.get(url(QUERY, "{\"code\":\"P13\"}", "Measure"));
    RawHttp.Response post =
        RawHttp.post(
            "http://localhost:" + port + "/graphql",
            "{\"query\":\"" + QUERY.replace("\"", "\\\"") + "\",\"variables\":{\"code\":\"P13\"}}");
    assertThat(get.status()).isEqualTo(200);
    assertThat(get.text()).contains("\"code\":\"P13\"").isEqualTo(post.text());
    assertThat(get.header("Content-Type"))
        .get()
        .asString()
        .startsWith("application/graphql-response+json");
    assertThat(get.header("Cache-Control")).hasValue("max-age=60, public");
    assertThat(get.header("X-RateLimit-Remaining"))
        .as("a shared cache would give one client's standing to the next")
        .isEmpty();
    assertThat(post.header("X-RateLimit-Remaining")).isPresent();
    String etag = get.header("ETag").orElseThrow();
    RawHttp.Response again =
        RawHttp.get(url(QUERY, "{\"code\":\"P13\"}", "Measure"), "If-None-Match", etag);
    assertThat(again.status()).isEqualTo(304);
    // Other variables are another answer.
    assertThat(RawHttp.get(url(QUERY, "{\"code\":\"P14\"}", "Measure")).header("ETag"))
        .isNotEqualTo(get.header("ETag"));
  }

  @Test
  void onlyQueriesAreAnsweredOverGet() {
    RawHttp.Response subscription =
        RawHttp.get(url("subscription { achievementPublished { code } }", null, null));
    assertThat(subscription.status()).isEqualTo(405);
    assertThat(subscription.header("Allow")).hasValue("GET, POST");
    assertThat(subscription.text()).contains("METHOD_NOT_ALLOWED", "GET is for queries only");
  }

  @Test
  void badVariablesAndErrorsAreNeverCached() {
    RawHttp.Response bad = RawHttp.get(url(QUERY, "[1,2", "Measure"));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.text()).contains("BAD_USER_INPUT", "variables is not a JSON object");
    RawHttp.Response failing =
        RawHttp.get(url("{ measures(first: 1000) { totalCount } }", null, null));
    assertThat(failing.text()).contains("BAD_USER_INPUT");
    assertThat(failing.header("Cache-Control")).hasValue("no-store");
    assertThat(failing.header("ETag")).isEmpty();
  }

  @Test
  void theSchemaCanBeDownloaded() {
    RawHttp.Response schema = RawHttp.get("http://localhost:" + port + "/graphql/schema.graphqls");
    assertThat(schema.status()).isEqualTo(200);
    assertThat(schema.text()).contains("type Query {", "type Dataset implements Node {");
  }

  private String url(String query, String variables, String operationName) {
    StringBuilder url =
        new StringBuilder("http://localhost:" + port + "/graphql?query=" + encode(query));
    if (variables != null) {
      url.append("&variables=").append(encode(variables));
    }
    if (operationName != null) {
      url.append("&operationName=").append(encode(operationName));
    }
    return url.toString();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
