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
 * The site's documents ask for whole lists at once and cost more than an anonymous client's rate
 * limit allows, so a portal that limits clients answers them only for its publisher token, sent as
 * {@code Authorization: Bearer}. An answer refused for a limit or the token fails with {@link
 * Refused}, which names the refusal's code, so the caller can say what to configure.
 */
public final class HttpGraphQlTransport implements GraphQlTransport {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final URI endpoint;
  private final String token;

  public HttpGraphQlTransport(URI endpoint) {
    this(endpoint, "");
  }

  /**
   * @param token the portal's publisher token, sent as {@code Authorization: Bearer}; empty for
   *     none (an anonymous client)
   */
  public HttpGraphQlTransport(URI endpoint, String token) {
    this.endpoint = endpoint;
    this.token = token.strip();
  }

  @Override
  public String execute(String document, Map<String, Object> variables) {
    String body = JSON.writeValueAsString(Map.of("query", document, "variables", variables));
    HttpRequest.Builder request =
        HttpRequest.newBuilder(endpoint)
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", "application/json")
            .header("Accept", "application/graphql-response+json, application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (!token.isEmpty()) {
      request.header("Authorization", "Bearer " + token);
    }
    try {
      HttpResponse<String> response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      JsonNode answer = readAnswer(response);
      Refused.check(response.statusCode(), answer, endpoint.toString());
      return GraphQlAnswer.data(answer, endpoint.toString());
    } catch (IOException e) {
      throw new SiteException("cannot reach " + endpoint + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SiteException("interrupted while querying " + endpoint, e);
    }
  }

  private JsonNode readAnswer(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (RuntimeException e) {
      throw new SiteException(
          "HTTP " + response.statusCode() + " from " + endpoint + " without a GraphQL answer", e);
    }
  }

  /**
   * The portal refused a query for a limit or the token: {@code code} is the error's {@code
   * extensions.code} ({@code RATE_LIMITED}, {@code QUERY_TOO_EXPENSIVE}, {@code INVALID_TOKEN},
   * {@code QUERY_TOO_LARGE}, …).
   */
  public static final class Refused extends SiteException {

    private static final java.util.Set<String> CODES =
        java.util.Set.of(
            "RATE_LIMITED",
            "QUERY_TOO_EXPENSIVE",
            "INVALID_TOKEN",
            "QUERY_TOO_LARGE",
            "QUERY_TOO_DEEP",
            "RESPONSE_TOO_LARGE");

    private final String code;

    Refused(String code, String message) {
      super(message);
      this.code = code;
    }

    public String code() {
      return code;
    }

    static void check(int status, JsonNode answer, String from) {
      JsonNode errors = answer.path("errors");
      for (JsonNode error : errors) {
        String code = error.path("extensions").path("code").asString("");
        if (CODES.contains(code)) {
          throw new Refused(
              code, "HTTP " + status + " " + code + " from " + from + ": " + error.path("message"));
        }
      }
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
