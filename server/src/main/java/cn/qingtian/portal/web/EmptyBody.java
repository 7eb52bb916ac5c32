package cn.qingtian.portal.web;

import cn.qingtian.portal.api.GraphQlHttp;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * A POST to {@code /graphql} without a body is a 400 that says so (spring-graphql would answer an
 * empty 200): a request with neither {@code Content-Length} nor {@code Transfer-Encoding}, or with
 * a length of 0, has no body (RFC 9112 §6.3).
 */
class EmptyBody implements WebFilter, Ordered {

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE + 6;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    HttpHeaders headers = exchange.getRequest().getHeaders();
    boolean empty =
        headers.getContentLength() == 0
            || (headers.getContentLength() < 0
                && !headers.containsHeader(HttpHeaders.TRANSFER_ENCODING));
    if (!empty
        || !HttpMethod.POST.equals(exchange.getRequest().getMethod())
        || !GraphQlHttp.isGraphQlRequest(exchange.getRequest(), true)) {
      return chain.filter(exchange);
    }
    return GraphQlHttp.error(
        exchange,
        HttpStatus.BAD_REQUEST,
        "BAD_REQUEST",
        "请求没有内容：请发送 JSON {\"query\": …} / the request has no body: send JSON {\"query\": …}",
        Map.of());
  }
}
