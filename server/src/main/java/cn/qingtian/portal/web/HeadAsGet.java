package cn.qingtian.portal.web;

import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * {@code HEAD} is answered as {@code GET} everywhere (RFC 9110 §9.3.2): the same status and
 * headers, no body. Link checkers, download managers and uptime monitors ask with {@code HEAD}; the
 * routes (site pages, assets, GraphiQL, {@code GET /graphql}) are declared for {@code GET} and
 * would answer 404. The request is handed on as a {@code GET}; the server has already wrapped the
 * response of a {@code HEAD} so that it sends the headers (with {@code Content-Length}) and drops
 * the body.
 */
final class HeadAsGet implements WebFilter, Ordered {

  @Override
  public int getOrder() {
    // Before every other filter, so each sees the GET it will answer.
    return Ordered.HIGHEST_PRECEDENCE;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    if (exchange.getRequest().getMethod() != HttpMethod.HEAD) {
      return chain.filter(exchange);
    }
    return chain.filter(
        exchange.mutate().request(request -> request.method(HttpMethod.GET)).build());
  }
}
