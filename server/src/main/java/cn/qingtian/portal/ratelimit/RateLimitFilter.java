package cn.qingtian.portal.ratelimit;

import cn.qingtian.portal.api.GraphQlHttp;
import cn.qingtian.portal.messages.UserMessages;
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
 * Refuses a query to {@code /graphql} from a client whose window is spent, who has sent as many
 * refused queries as a window allows, or who already has as many queries running as it may (HTTP
 * 429 with {@code Retry-After} and a GraphQL error body, before anything is parsed), and reports
 * every client's standing in {@code X-RateLimit-*} headers. The cost is charged by {@link
 * RateLimitInterceptor} once the query is measured; a query costing more than the whole window is a
 * 400 without {@code Retry-After}.
 *
 * <p>A client beyond its concurrent queries is refused, not queued: a queue would hold its requests
 * (and their connections) in the server for it, and a client that waits {@code Retry-After} loses
 * nothing. Subscriptions (Server-Sent Events) are not counted: they live for minutes.
 *
 * <p>The publisher ({@link PublisherToken}) passes without a window: the site's documents cost more
 * than one. Any other {@code Authorization} header is a 401 that counts as a refused query. A query
 * cancelled before it was charged (the request timeout) is charged the time it ran.
 */
class RateLimitFilter implements WebFilter, Ordered {

  private final RateLimiter limiter;
  private final ClientAddress clients;
  private final PublisherToken publisher;
  private final RateLimitProperties properties;

  RateLimitFilter(
      RateLimiter limiter,
      ClientAddress clients,
      PublisherToken publisher,
      RateLimitProperties properties) {
    this.limiter = limiter;
    this.clients = clients;
    this.publisher = publisher;
    this.properties = properties;
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
    PublisherToken.Caller caller = publisher.of(exchange.getRequest());
    if (caller == PublisherToken.Caller.PUBLISHER) {
      // Charged to no window: without a Charge, neither the interceptor nor the instrumentation
      // sees a client, and the per-query limits (depth, nodes, fields, answer size) still hold.
      return chain.filter(exchange);
    }
    String client = clients.of(exchange.getRequest());
    RateLimitStatus before = limiter.peek(client);
    if (limiter.refusalsSpent(client)) {
      return refuseRefused(exchange, before);
    }
    if (caller == PublisherToken.Caller.WRONG) {
      // Before the window: a wrong token is said to be wrong, whatever the client has left.
      return refuseToken(exchange, limiter.refused(client));
    }
    if (before.remaining() == 0) {
      return refuse(exchange, before);
    }
    boolean counted = GraphQlHttp.isAnsweredOnce(exchange.getRequest());
    if (counted && !limiter.tryStart(client)) {
      return refuseConcurrent(exchange, before);
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
              } else if (charge.outcome() == Charge.Outcome.RATE_LIMITED) {
                response.setStatusCode(HttpStatus.TOO_MANY_REQUESTS);
                tooMany(response, after);
              } else if (charge.outcome() == Charge.Outcome.TOO_EXPENSIVE) {
                // Waiting does not help: no Retry-After.
                response.setStatusCode(HttpStatus.BAD_REQUEST);
                response.getHeaders().setCacheControl("no-store");
                response.getHeaders().remove(HttpHeaders.ETAG);
                report(response, after);
              } else {
                report(response, after);
              }
              return Mono.empty();
            });
    long started = System.nanoTime();
    Mono<Void> answered = chain.filter(exchange).doOnCancel(() -> chargeCancelled(charge, started));
    // The slot is given back once the answer has been written (or the client has gone).
    return counted ? answered.doFinally(signal -> limiter.finish(client)) : answered;
  }

  /**
   * A query cancelled before it was charged: the request timeout cut it off (or its client went
   * away). It held the server all that time, so it is charged that time, at the timeout the whole
   * timeout; otherwise a client could spend the server's time for free by asking for more than the
   * timeout allows.
   */
  private void chargeCancelled(Charge charge, long started) {
    if (charge.after() == null) {
      long points = Math.max(1, properties.pointsFor(System.nanoTime() - started));
      charge.settled(Charge.Outcome.CHARGED, limiter.charge(charge.client(), points));
    }
  }

  private Mono<Void> refuseRefused(ServerWebExchange exchange, RateLimitStatus status) {
    PortalMetrics.rateLimited(PortalMetrics.Rejection.TOO_MANY_REFUSED);
    long seconds = tooMany(exchange.getResponse(), status);
    // Its points are untouched, but it can spend none of them until the reset.
    exchange.getResponse().getHeaders().set("X-RateLimit-Remaining", "0");
    return GraphQlHttp.error(
        exchange,
        HttpStatus.TOO_MANY_REQUESTS,
        "RATE_LIMITED",
        UserMessages.get("ratelimit.refused", seconds, status.resetAt()),
        Map.of("limit", status.limit(), "resetAt", status.resetAt().toString()));
  }

  /** A wrong token: a 401 that counts as a refused query, so tokens cannot be guessed in bulk. */
  private Mono<Void> refuseToken(ServerWebExchange exchange, RateLimitStatus status) {
    ServerHttpResponse response = exchange.getResponse();
    report(response, status);
    response.getHeaders().setCacheControl("no-store");
    response.getHeaders().remove(HttpHeaders.ETAG);
    response.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
    return GraphQlHttp.error(
        exchange,
        HttpStatus.UNAUTHORIZED,
        "INVALID_TOKEN",
        UserMessages.get("ratelimit.token.invalid"),
        Map.of());
  }

  private Mono<Void> refuseConcurrent(ServerWebExchange exchange, RateLimitStatus status) {
    PortalMetrics.rateLimited(PortalMetrics.Rejection.TOO_MANY_CONCURRENT);
    ServerHttpResponse response = exchange.getResponse();
    report(response, status);
    response.getHeaders().setCacheControl("no-store");
    response.getHeaders().remove(HttpHeaders.ETAG);
    response.getHeaders().set(HttpHeaders.RETRY_AFTER, "1");
    return GraphQlHttp.error(
        exchange,
        HttpStatus.TOO_MANY_REQUESTS,
        "RATE_LIMITED",
        UserMessages.get("ratelimit.concurrent", limiter.maxConcurrent()),
        Map.of("maxConcurrent", limiter.maxConcurrent()));
  }

  private Mono<Void> refuse(ServerWebExchange exchange, RateLimitStatus status) {
    PortalMetrics.rateLimited(PortalMetrics.Rejection.WINDOW_SPENT);
    long seconds = tooMany(exchange.getResponse(), status);
    return GraphQlHttp.error(
        exchange,
        HttpStatus.TOO_MANY_REQUESTS,
        "RATE_LIMITED",
        UserMessages.get("ratelimit.spent", status.limit(), seconds, status.resetAt()),
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

  /**
   * The caller's standing in {@code X-RateLimit-*} headers, except on an answer any cache may keep
   * and give to others ({@code public}): there a shared cache would hand one client's standing to
   * the next. Such a client reads its standing from {@code rateLimit}, which is never cached.
   */
  private static void report(ServerHttpResponse response, RateLimitStatus status) {
    HttpHeaders headers = response.getHeaders();
    String cacheControl = headers.getCacheControl();
    if (cacheControl != null && cacheControl.contains("public")) {
      return;
    }
    headers.set("X-RateLimit-Limit", Integer.toString(status.limit()));
    headers.set("X-RateLimit-Remaining", Integer.toString(status.remaining()));
    headers.set("X-RateLimit-Used", Integer.toString(status.used()));
    headers.set("X-RateLimit-Reset", Long.toString(status.resetAt().getEpochSecond()));
  }
}
