package cn.qingtian.site;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs documents against a portal's {@code /graphql} endpoint over HTTP, e.g. to build a mirror.
 */
public final class HttpGraphQlTransport implements GraphQlTransport {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final URI endpoint;

  public HttpGraphQlTransport(URI endpoint) {
    this.endpoint = endpoint;
  }

  @Override
  public String execute(String document, Map<String, Object> variables) {
    String body = JSON.writeValueAsString(Map.of("query", document, "variables", variables));
    HttpRequest request =
        HttpRequest.newBuilder(endpoint)
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", "application/json")
            .header("Accept", "application/graphql-response+json, application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    try {
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      return GraphQlAnswer.data(JSON.readTree(response.body()), endpoint.toString());
    } catch (IOException e) {
      throw new SiteException("cannot reach " + endpoint + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SiteException("interrupted while querying " + endpoint, e);
    }
  }

  /** Reads the data of an answer, or fails with its errors. */
  static final class GraphQlAnswer {

    private GraphQlAnswer() {}

    static String data(JsonNode answer, String from) {
      JsonNode errors = answer.get("errors");
      if (errors != null && !errors.isEmpty()) {
        throw new SiteException("GraphQL errors from " + from + ": " + errors);
      }
      JsonNode data = answer.get("data");
      if (data == null || data.isNull()) {
        throw new SiteException("no data from " + from);
      }
      return JSON.writeValueAsString(data);
    }
  }
}
