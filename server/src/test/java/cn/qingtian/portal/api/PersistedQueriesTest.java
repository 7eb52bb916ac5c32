package cn.qingtian.portal.api;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qingtian.portal.ApiIntegrationTest;
import cn.qingtian.portal.RawHttp;
import cn.qingtian.portal.SharedDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Automatic persisted queries, as Apollo's clients send them: a hash alone is unknown until the
 * client sends it once with its document; from then on the hash alone runs the document, over POST
 * and over a short, cacheable GET.
 */
@ApiIntegrationTest
class PersistedQueriesTest extends SharedDatabase {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String QUERY =
      "query Persisted($code: String!) { measure(code: $code) { code title } }";

  @LocalServerPort int port;

  @Test
  void aHashRunsItsDocumentOnceTheDocumentHasBeenSentWithIt() throws Exception {
    String hash = Sha256.hex(QUERY);
    String extensions = "{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"" + hash + "\"}}";
    JsonNode unknown = post("{\"variables\":{\"code\":\"P13\"},\"extensions\":" + extensions + "}");
    assertThat(unknown.at("/errors/0/message").asText()).isEqualTo("PersistedQueryNotFound");
    assertThat(unknown.at("/errors/0/extensions/code").asText())
        .isEqualTo("PERSISTED_QUERY_NOT_FOUND");

    JsonNode registered =
        post(
            "{\"query\":"
                + JSON.writeValueAsString(QUERY)
                + ",\"variables\":{\"code\":\"P13\"},\"extensions\":"
                + extensions
                + "}");
    assertThat(registered.at("/data/measure/code").asText()).isEqualTo("P13");

    JsonNode byHash = post("{\"variables\":{\"code\":\"P14\"},\"extensions\":" + extensions + "}");
    assertThat(byHash.path("errors").isMissingNode()).isTrue();
    assertThat(byHash.at("/data/measure/code").asText()).isEqualTo("P14");

    RawHttp.Response get =
        RawHttp.get(
            "http://localhost:"
                + port
                + "/graphql?variables="
                + encode("{\"code\":\"P13\"}")
                + "&extensions="
                + encode(extensions));
    assertThat(get.status()).isEqualTo(200);
    assertThat(JSON.readTree(get.text()).at("/data/measure/code").asText()).isEqualTo("P13");
    assertThat(get.header("ETag")).isPresent();
    assertThat(get.header("Cache-Control")).hasValue("max-age=60, public");
  }

  @Test
  void aHashThatIsNotTheDocumentsOrIsMalformedIsRefused() throws Exception {
    String wrong = Sha256.hex("{ plans { totalCount } }");
    JsonNode mismatch =
        post(
            "{\"query\":"
                + JSON.writeValueAsString(QUERY)
                + ",\"variables\":{\"code\":\"P13\"},\"extensions\":{\"persistedQuery\":"
                + "{\"version\":1,\"sha256Hash\":\""
                + wrong
                + "\"}}}");
    assertThat(mismatch.at("/errors/0/extensions/code").asText())
        .isEqualTo("PERSISTED_QUERY_HASH_MISMATCH");
    assertThat(mismatch.path("data").isMissingNode() || mismatch.path("data").isNull()).isTrue();
    JsonNode malformed =
        post("{\"extensions\":{\"persistedQuery\":{\"version\":2,\"sha256Hash\":\"x\"}}}");
    assertThat(malformed.at("/errors/0/extensions/code").asText())
        .isEqualTo("PERSISTED_QUERY_INVALID");
  }

  @Test
  void aMutationOrSubscriptionCannotHideBehindAHashOverGet() throws Exception {
    String subscription = "subscription { achievementPublished { code } }";
    String hash = Sha256.hex(subscription);
    String extensions = "{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"" + hash + "\"}}";
    post(
        "{\"query\":"
            + JSON.writeValueAsString(subscription)
            + ",\"extensions\":"
            + extensions
            + "}");
    RawHttp.Response get =
        RawHttp.get("http://localhost:" + port + "/graphql?extensions=" + encode(extensions));
    assertThat(get.status()).isEqualTo(405);
  }

  private JsonNode post(String body) throws Exception {
    RawHttp.Response response = RawHttp.post("http://localhost:" + port + "/graphql", body);
    assertThat(response.status()).as(response.text()).isLessThan(500);
    return JSON.readTree(response.text());
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
