package cn.qingtian.portal.api;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the portal's web filters share: which requests they see, and the errors and 503s they answer
 * with.
 */
public final class GraphQlHttp {

  public static final MediaType GRAPHQL_RESPONSE =
      MediaType.parseMediaType("application/graphql-response+json");

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private GraphQlHttp() {}

  /**
   * A query or subscription to {@code /graphql} over plain HTTP (GET or POST), not a WebSocket
   * handshake; {@code withStreams} says whether a request for Server-Sent Events counts. A request
   * that only offers another protocol ({@code Upgrade: h2c}, sent by HTTP/2 clients such as the
   * JDK's over cleartext) is answered in HTTP/1.1 like any other, so it counts: the request
   * timeout, the rate limit and the framing checks must not be skipped for it.
   */
  public static boolean isGraphQlRequest(ServerHttpRequest request, boolean withStreams) {
    HttpMethod method = request.getMethod();
    HttpHeaders headers = request.getHeaders();
    return "/graphql".equals(request.getPath().value())
        && (HttpMethod.GET.equals(method) || HttpMethod.POST.equals(method))
        && !isWebSocketHandshake(headers)
        && (withStreams
            || accepted(headers).stream()
                .noneMatch(MediaType.TEXT_EVENT_STREAM::equalsTypeAndSubtype));
  }

  /**
   * A request answered once, not a probe (the actuator) nor a subscription (a WebSocket handshake,
   * Server-Sent Events): the requests that admission control and the response-start timeout apply
   * to.
   */
  public static boolean isAnsweredOnce(ServerHttpRequest request) {
    String path = request.getPath().value();
    return !path.startsWith("/actuator/")
        && !isWebSocketHandshake(request.getHeaders())
        && !(path.equals("/graphql")
            && accepted(request.getHeaders()).stream()
                .anyMatch(MediaType.TEXT_EVENT_STREAM::equalsTypeAndSubtype));
  }

  /**
   * Answers a page or download that cannot be served now: a 503 with {@code Retry-After}, never
   * cached, and a plain-text message (no validators or file name of the answer it replaces).
   */
  public static Mono<Void> unavailable(
      ServerHttpResponse response, long retryAfterSeconds, String message) {
    response.setStatusCode(HttpStatus.SERVICE_UNAVAILABLE);
    HttpHeaders headers = response.getHeaders();
    headers.set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
    headers.setCacheControl("no-store");
    headers.remove(HttpHeaders.ETAG);
    headers.remove(HttpHeaders.LAST_MODIFIED);
    headers.remove(HttpHeaders.CONTENT_DISPOSITION);
    headers.setContentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8));
    byte[] body = (message + "\n").getBytes(StandardCharsets.UTF_8);
    return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
  }

  /** Whether the request asks to switch to WebSocket ({@code Upgrade: websocket}). */
  public static boolean isWebSocketHandshake(HttpHeaders headers) {
    for (String upgrade : headers.getOrEmpty(HttpHeaders.UPGRADE)) {
      for (String protocol : upgrade.split(",")) {
        String name = protocol.strip();
        int slash = name.indexOf('/');
        if ((slash < 0 ? name : name.substring(0, slash)).equalsIgnoreCase("websocket")) {
          return true;
        }
      }
    }
    return false;
  }

  /** The media types a request accepts; none when its Accept header does not parse. */
  public static List<MediaType> accepted(HttpHeaders headers) {
    try {
      return headers.getAccept();
    } catch (InvalidMediaTypeException e) {
      return List.of();
    }
  }

  /**
   * Answers with one GraphQL error and no data, never to be cached, as {@code
   * application/graphql-response+json} to a client that asks for it by name, else as JSON.
   */
  public static Mono<Void> error(
      ServerWebExchange exchange,
      HttpStatus status,
      String code,
      String message,
      Map<String, Object> details) {
    ServerHttpResponse response = exchange.getResponse();
    response.setStatusCode(status);
    HttpHeaders headers = response.getHeaders();
    headers.setCacheControl("no-store");
    headers.remove(HttpHeaders.ETAG);
    boolean graphQlResponse =
        accepted(exchange.getRequest().getHeaders()).stream()
            .anyMatch(type -> !type.isWildcardType() && type.isCompatibleWith(GRAPHQL_RESPONSE));
    headers.setContentType(
        graphQlResponse
            ? GRAPHQL_RESPONSE
            : new MediaType(MediaType.APPLICATION_JSON, StandardCharsets.UTF_8));
    Map<String, Object> extensions = new LinkedHashMap<>();
    extensions.put("code", code);
    extensions.putAll(details);
    byte[] body =
        JSON.writeValueAsBytes(
            Map.of("errors", List.of(Map.of("message", message, "extensions", extensions))));
    return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
  }
}
