package cn.qingtian.portal.web;

import cn.qingtian.portal.api.DatabaseUnavailable;
import cn.qingtian.portal.api.GraphQlHttp;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * A query that needed PostgreSQL while it could not be reached is answered at once with a 503,
 * {@code Retry-After} and the error code {@code DATABASE_UNAVAILABLE}, not with a 200 holding a
 * partial answer: load balancers, caches and clients all understand "try again shortly". Queries
 * answered from memory (the response cache, a release's progress, search) keep working.
 *
 * <p>The interceptor sees the GraphQL answer and turns it into a failure; the filter, in front of
 * {@code /graphql} for POST and GET alike, writes the 503 before anything is committed.
 */
class DatabaseOutage implements WebGraphQlInterceptor, WebFilter, Ordered {

  @Override
  public int getOrder() {
    // As a filter: inside the request timeout; as an interceptor: outside the response cache.
    return Ordered.HIGHEST_PRECEDENCE + 7;
  }

  @Override
  public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
    return chain
        .next(request)
        .flatMap(
            response ->
                response.getErrors().stream().anyMatch(DatabaseOutage::unavailable)
                    ? Mono.error(new Unavailable())
                    : Mono.just(response));
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    if (!GraphQlHttp.isGraphQlRequest(exchange.getRequest(), false)) {
      return chain.filter(exchange);
    }
    return chain
        .filter(exchange)
        .onErrorResume(
            Unavailable.class,
            e -> exchange.getResponse().isCommitted() ? Mono.error(e) : unavailable(exchange));
  }

  private static boolean unavailable(ResponseError error) {
    return DatabaseUnavailable.CODE.equals(error.getExtensions().get("code"));
  }

  private static Mono<Void> unavailable(ServerWebExchange exchange) {
    exchange
        .getResponse()
        .getHeaders()
        .set(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS));
    return GraphQlHttp.error(
        exchange,
        HttpStatus.SERVICE_UNAVAILABLE,
        DatabaseUnavailable.CODE,
        DatabaseUnavailable.MESSAGE,
        Map.of());
  }

  /** The answer needed the database and could not have it. */
  static final class Unavailable extends RuntimeException {
    Unavailable() {
      super(DatabaseUnavailable.CODE, null, false, false);
    }
  }
}
