package cn.qingtian.portal.web;

import cn.qingtian.portal.api.GraphQlHttp;
import cn.qingtian.portal.messages.UserMessages;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * A query to {@code /graphql} that has not been answered within the timeout is cancelled (its
 * database work with it) and answered with a 503, {@code Retry-After} and a GraphQL error whose
 * code is {@code REQUEST_TIMEOUT}. Any other request (a page, a download) whose answer has not
 * started within the start timeout is answered with a 503 and {@code Retry-After} the same way: no
 * request is left waiting without end, whatever it waits for. Subscriptions (WebSocket, or an SSE
 * stream once it has started) and the actuator are not cut.
 *
 * <p>Ours rather than spring-graphql's {@code TimeoutWebGraphQlInterceptor}: that one answers 408
 * with no body (or a status of our choice, still without {@code Retry-After} or an error code),
 * covers {@code /graphql} only, and would change today's answer.
 */
class RequestTimeout implements WebFilter, Ordered {

  private final Duration timeout;
  private final Duration startTimeout;

  RequestTimeout(Duration timeout, Duration startTimeout) {
    this.timeout = timeout;
    this.startTimeout = startTimeout;
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE + 5;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    if (!GraphQlHttp.isGraphQlRequest(exchange.getRequest(), false)) {
      return GraphQlHttp.isAnsweredOnce(exchange.getRequest())
          ? startedInTime(exchange, chain)
          : chain.filter(exchange);
    }
    return chain
        .filter(exchange)
        .timeout(timeout)
        .onErrorResume(
            TimeoutException.class,
            e -> exchange.getResponse().isCommitted() ? Mono.error(e) : timedOut(exchange));
  }

  /**
   * Any other answer (a page, a download) must have started within the start timeout; once it has,
   * a large file may take as long as the client needs to receive it.
   */
  private Mono<Void> startedInTime(ServerWebExchange exchange, WebFilterChain chain) {
    ServerHttpResponse response = exchange.getResponse();
    Mono<Long> notStarted =
        Mono.delay(startTimeout).flatMap(t -> response.isCommitted() ? Mono.never() : Mono.just(t));
    return chain
        .filter(exchange)
        .timeout(notStarted)
        .onErrorResume(
            TimeoutException.class,
            e -> response.isCommitted() ? Mono.error(e) : notStarted(response));
  }

  private Mono<Void> notStarted(ServerHttpResponse response) {
    return GraphQlHttp.unavailable(
        response, 10, UserMessages.get("web.timeout.notStarted", startTimeout.toMillis()));
  }

  private Mono<Void> timedOut(ServerWebExchange exchange) {
    exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, "10");
    return GraphQlHttp.error(
        exchange,
        HttpStatus.SERVICE_UNAVAILABLE,
        "REQUEST_TIMEOUT",
        UserMessages.get("web.timeout.cancelled", timeout.toMillis()),
        Map.of());
  }
}
