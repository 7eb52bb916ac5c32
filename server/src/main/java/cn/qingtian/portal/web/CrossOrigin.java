package cn.qingtian.portal.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Cross-origin access to the open data: any web page may query {@code /graphql} (GET and POST),
 * read its schema and fetch {@code /datasets/…} (GET and HEAD). Nothing is answered differently for
 * a page elsewhere (no cookies, no credentials are ever honoured), so {@code
 * Access-Control-Allow-Origin: *} is sent on every answer of those routes, whatever the request's
 * {@code Origin}: a shared cache may then serve one copy to everyone. A preflight ({@code OPTIONS}
 * with {@code Access-Control-Request-Method}) is answered here with 204, before the rate limit, the
 * timeout or the empty-body check see it. The site's pages, GraphiQL and the actuator get no CORS
 * headers.
 *
 * <p>Ours rather than Spring's {@code CorsWebFilter}, whose answers differ from these: it adds
 * nothing to a request without an {@code Origin} (so a shared cache would keep, and serve to a
 * page, a copy without {@code Access-Control-Allow-Origin}), adds {@code Vary: Origin} to every
 * answer (one cached copy per origin), answers a preflight 200 and allows only the headers it asked
 * for, and refuses one that asks for another header with 403. {@code CorsTest} checks these.
 */
class CrossOrigin implements WebFilter, Ordered {

  /** How long a browser may keep a preflight's answer (Chromium keeps at most 2 hours). */
  static final String MAX_AGE = "86400";

  /** Request headers a page may send: conditional and range requests, and GraphQL clients'. */
  static final String ALLOWED_HEADERS =
      String.join(
          ", ",
          "Content-Type",
          "Accept",
          "Accept-Language",
          "If-None-Match",
          "If-Modified-Since",
          "If-Range",
          "Range",
          "Cache-Control",
          "apollo-require-preflight",
          "x-apollo-operation-name",
          "apollographql-client-name",
          "apollographql-client-version",
          "graphql-client");

  /**
   * Response headers a page may read, beyond the CORS-safelisted ones ({@code Accept} and {@code
   * Allow} say what a 415 or a 405 would have accepted).
   */
  static final String EXPOSED_HEADERS =
      String.join(
          ", ",
          "ETag",
          "Last-Modified",
          "Content-Range",
          "Content-Length",
          "Content-Disposition",
          "Content-Encoding",
          "Accept-Ranges",
          "Accept",
          "Allow",
          "Retry-After",
          "X-RateLimit-Limit",
          "X-RateLimit-Remaining",
          "X-RateLimit-Reset",
          "X-RateLimit-Used",
          "X-RateLimit-Resource");

  private static final List<HttpMethod> GRAPHQL = List.of(HttpMethod.GET, HttpMethod.POST);
  private static final List<HttpMethod> FILES = List.of(HttpMethod.GET, HttpMethod.HEAD);

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE + 1;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    ServerHttpRequest request = exchange.getRequest();
    Optional<List<HttpMethod>> methods = methodsFor(request.getPath().value());
    if (methods.isEmpty()) {
      return chain.filter(exchange);
    }
    ServerHttpResponse response = exchange.getResponse();
    HttpHeaders headers = response.getHeaders();
    if (HttpMethod.OPTIONS.equals(request.getMethod())
        && request.getHeaders().containsHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD)) {
      headers.set(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
      headers.set(
          HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS,
          String.join(", ", methods.get().stream().map(HttpMethod::name).toList()));
      headers.set(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, ALLOWED_HEADERS);
      headers.set(HttpHeaders.ACCESS_CONTROL_MAX_AGE, MAX_AGE);
      response.setStatusCode(HttpStatus.NO_CONTENT);
      return response.setComplete();
    }
    Map<String, String> wanted =
        Map.of(
            HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN,
            "*",
            HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS,
            EXPOSED_HEADERS);
    wanted.forEach(headers::set);
    response.beforeCommit(
        () -> {
          wanted.forEach(
              (name, value) -> {
                if (!headers.containsHeader(name)) {
                  headers.set(name, value);
                }
              });
          return Mono.empty();
        });
    return chain.filter(exchange);
  }

  /** The methods a page elsewhere may use on this path, or none for a path that is not shared. */
  static Optional<List<HttpMethod>> methodsFor(String path) {
    if (path.equals("/graphql") || path.equals("/graphql/schema.graphqls")) {
      return Optional.of(GRAPHQL);
    }
    if (path.startsWith("/datasets/")) {
      return Optional.of(FILES);
    }
    return Optional.empty();
  }
}
