package cn.qingtian.portal.ratelimit;

import cn.qingtian.portal.api.GraphQlHttp;
import cn.qingtian.portal.operations.PortalMetrics;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Refuses a query to {@code /graphql} from a client whose window is spent (HTTP 429 with {@code
 * Retry-After} and a GraphQL error body, before anything is parsed), and reports every client's
 * standing in {@code X-RateLimit-*} headers. The cost is charged by {@link RateLimitInterceptor}
 * once the query is measured.
 */
class RateLimitFilter implements WebFilter, Ordered {

  private final RateLimiter limiter;
  private final ClientAddress clients;

  RateLimitFilter(RateLimiter limiter, ClientAddress clients) {
    this.limiter = limiter;
    this.clients = clients;
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE + 10;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    if (!GraphQlHttp.isGraphQlRequest(exchange.getRequest(), true)) {
      return chain.filter(exchange);
    }
    String client = clients.of(exchange.getRequest());
    RateLimitStatus before = limiter.peek(client);
    if (before.remaining() == 0) {
      return refuse(exchange, before);
    }
    Charge charge = new Charge(client);
    exchange.getAttributes().put(Charge.ATTRIBUTE, charge);
    exchange
        .getResponse()
        .beforeCommit(
            () -> {
              ServerHttpResponse response = exchange.getResponse();
              RateLimitStatus after = charge.after();
              if (after == null) {
                report(response, limiter.peek(client));
              } else if (charge.isRefused()) {
                response.setStatusCode(HttpStatus.TOO_MANY_REQUESTS);
                tooMany(response, after);
              } else {
                report(response, after);
              }
              return Mono.empty();
            });
    return chain.filter(exchange);
  }

  private Mono<Void> refuse(ServerWebExchange exchange, RateLimitStatus status) {
    PortalMetrics.rateLimited(PortalMetrics.Rejection.WINDOW_SPENT);
    long seconds = tooMany(exchange.getResponse(), status);
    return GraphQlHttp.error(
        exchange,
        HttpStatus.TOO_MANY_REQUESTS,
        "RATE_LIMITED",
        "查询额度已用完：每个窗口 "
            + status.limit()
            + " 点成本，"
            + seconds
            + " 秒后重置 / rate limit exceeded: the "
            + status.limit()
            + " cost points of this window are spent; it resets in "
            + seconds
            + " s, at "
            + status.resetAt(),
        Map.of("limit", status.limit(), "resetAt", status.resetAt().toString()));
  }

  /** The headers of a 429: the standing, {@code Retry-After}, and never cached. */
  private long tooMany(ServerHttpResponse response, RateLimitStatus status) {
    report(response, status);
    response.getHeaders().setCacheControl("no-store");
    response.getHeaders().remove(HttpHeaders.ETAG);
    long seconds = status.secondsToReset(limiter.now());
    response.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
    return seconds;
  }

  private static void report(ServerHttpResponse response, RateLimitStatus status) {
    HttpHeaders headers = response.getHeaders();
    headers.set("X-RateLimit-Limit", Integer.toString(status.limit()));
    headers.set("X-RateLimit-Remaining", Integer.toString(status.remaining()));
    headers.set("X-RateLimit-Used", Integer.toString(status.used()));
    headers.set("X-RateLimit-Reset", Long.toString(status.resetAt().getEpochSecond()));
  }
}
