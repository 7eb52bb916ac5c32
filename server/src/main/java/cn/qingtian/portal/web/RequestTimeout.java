package cn.qingtian.portal.web;

import cn.qingtian.portal.api.GraphQlHttp;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * A query to {@code /graphql} that has not been answered within the timeout is cancelled (its
 * database work with it) and answered with a 503, {@code Retry-After} and a GraphQL error whose
 * code is {@code REQUEST_TIMEOUT}. Subscriptions (WebSocket, or an SSE stream once it has started)
 * are not cut.
 */
class RequestTimeout implements WebFilter, Ordered {

  private final Duration timeout;

  RequestTimeout(Duration timeout) {
    this.timeout = timeout;
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE + 5;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    if (!GraphQlHttp.isGraphQlRequest(exchange.getRequest(), false)) {
      return chain.filter(exchange);
    }
    return chain
        .filter(exchange)
        .timeout(timeout)
        .onErrorResume(
            TimeoutException.class,
            e -> exchange.getResponse().isCommitted() ? Mono.error(e) : timedOut(exchange));
  }

  private Mono<Void> timedOut(ServerWebExchange exchange) {
    exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, "10");
    return GraphQlHttp.error(
        exchange,
        HttpStatus.SERVICE_UNAVAILABLE,
        "REQUEST_TIMEOUT",
        "查询超过 "
            + timeout.toMillis()
            + " 毫秒未完成，已取消 / the query took longer than "
            + timeout.toMillis()
            + " ms and was cancelled: ask for less, or try again later",
        Map.of());
  }
}
