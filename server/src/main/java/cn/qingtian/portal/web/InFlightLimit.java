package cn.qingtian.portal.web;

import cn.qingtian.portal.api.GraphQlHttp;
import cn.qingtian.portal.messages.UserMessages;
import cn.qingtian.portal.operations.PortalMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Admission control: at most {@code max} requests are worked on at once; the next one is answered
 * at once with a 503 and {@code Retry-After}, which costs microseconds. Without a bound, a burst
 * beyond what the machine can answer queues without limit: every answer gets slower, the queue
 * grows, and the process runs out of file descriptors and memory, failing everyone.
 *
 * <p>Not counted: the actuator (a health probe must see the truth under overload, not a 503 that
 * gets the instance restarted) and subscriptions (WebSocket, SSE), which live for minutes and are
 * bounded by the rate limiter.
 */
class InFlightLimit implements WebFilter, Ordered, MeterBinder {

  static final String CODE = "OVERLOADED";
  static final String MESSAGE = UserMessages.get("web.overloaded");

  private final int max;
  private final int retryAfterSeconds;
  private final AtomicInteger inFlight = new AtomicInteger();

  InFlightLimit(int max, int retryAfterSeconds) {
    if (max < 1) {
      throw new IllegalArgumentException("portal.http.max-in-flight must be at least 1: " + max);
    }
    this.max = max;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** The gauge of requests in flight, bound to this context's registry (not the global one). */
  @Override
  public void bindTo(MeterRegistry registry) {
    PortalMetrics.inFlight(registry, inFlight);
  }

  @Override
  public int getOrder() {
    // After the security headers and CORS, so a refusal carries them; before all other work.
    return Ordered.HIGHEST_PRECEDENCE + 2;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    if (!GraphQlHttp.isAnsweredOnce(exchange.getRequest())) {
      return chain.filter(exchange);
    }
    if (inFlight.incrementAndGet() > max) {
      inFlight.decrementAndGet();
      return refuse(exchange);
    }
    return chain.filter(exchange).doFinally(signal -> inFlight.decrementAndGet());
  }

  private Mono<Void> refuse(ServerWebExchange exchange) {
    PortalMetrics.overloaded();
    if (GraphQlHttp.isGraphQlRequest(exchange.getRequest(), false)) {
      exchange
          .getResponse()
          .getHeaders()
          .set(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfterSeconds));
      return GraphQlHttp.error(exchange, HttpStatus.SERVICE_UNAVAILABLE, CODE, MESSAGE, Map.of());
    }
    return GraphQlHttp.unavailable(exchange.getResponse(), retryAfterSeconds, MESSAGE);
  }
}
