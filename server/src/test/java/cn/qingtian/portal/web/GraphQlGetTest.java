package cn.qingtian.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qingtian.portal.ApiIntegrationTest;
import cn.qingtian.portal.SharedDatabase;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Queries over GET, as browsers and CDNs cache them: the same answer as POST, an ETag that an
 * unchanged answer revalidates with a 304, and only queries.
 */
@ApiIntegrationTest
class GraphQlGetTest extends SharedDatabase {

  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();
  private static final String QUERY =
      "query Measure($code: String!) { measure(code: $code) { code title } }";

  @LocalServerPort int port;

  @Test
  void aQueryOverGetAnswersAsOverPostAndMayBeCached() throws Exception {
    HttpResponse<String> get = get(url(QUERY, "{\"code\":\"P13\"}", "Measure"));
    HttpResponse<String> post =
        HTTP.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"query\":\""
                            + QUERY.replace("\"", "\\\"")
                            + "\",\"variables\":{\"code\":\"P13\"}}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(get.statusCode()).isEqualTo(200);
    assertThat(get.body()).contains("\"code\":\"P13\"");
    assertThat(get.body()).isEqualTo(post.body());
    assertThat(get.headers().firstValue("Content-Type"))
        .get()
        .asString()
        .startsWith("application/graphql-response+json");
    assertThat(get.headers().firstValue("Cache-Control")).hasValue("max-age=60, public");
    String etag = get.headers().firstValue("ETag").orElseThrow();
    HttpResponse<String> again =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(url(QUERY, "{\"code\":\"P13\"}", "Measure")))
                .header("If-None-Match", etag)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(again.statusCode()).isEqualTo(304);
    // Other variables are another answer.
    assertThat(get(url(QUERY, "{\"code\":\"P14\"}", "Measure")).headers().firstValue("ETag"))
        .isNotEqualTo(get.headers().firstValue("ETag"));
  }

  @Test
  void onlyQueriesAreAnsweredOverGet() throws Exception {
    HttpResponse<String> subscription =
        get(url("subscription { achievementPublished { code } }", null, null));
    assertThat(subscription.statusCode()).isEqualTo(405);
    assertThat(subscription.headers().firstValue("Allow")).hasValue("GET, POST");
    assertThat(subscription.body()).contains("METHOD_NOT_ALLOWED", "GET is for queries only");
  }

  @Test
  void badVariablesAndErrorsAreNeverCached() throws Exception {
    HttpResponse<String> bad = get(url(QUERY, "[1,2", "Measure"));
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("BAD_USER_INPUT", "variables is not a JSON object");
    HttpResponse<String> failing = get(url("{ measures(first: 1000) { totalCount } }", null, null));
    assertThat(failing.body()).contains("BAD_USER_INPUT");
    assertThat(failing.headers().firstValue("Cache-Control")).hasValue("no-store");
    assertThat(failing.headers().firstValue("ETag")).isEmpty();
  }

  @Test
  void theSchemaCanBeDownloaded() throws Exception {
    HttpResponse<String> schema = get("http://localhost:" + port + "/graphql/schema.graphqls");
    assertThat(schema.statusCode()).isEqualTo(200);
    assertThat(schema.body()).contains("type Query {", "type Dataset implements Node {");
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

  private static HttpResponse<String> get(String url) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
