package cn.qingtian.portal.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The security headers on every answer the portal writes: a strict Content-Security-Policy (only
 * the portal's own scripts, styles, images, fonts and fetches; no inline script, no eval, no
 * framing), {@code X-Content-Type-Options: nosniff}, {@code Referrer-Policy}, {@code
 * X-Frame-Options: DENY}, and {@code Strict-Transport-Security} when the request came over TLS.
 *
 * <p>It runs first, so the answers other filters write themselves (the rate limit's 429, the
 * timeout's 503, the 400 for an empty body) carry them too; the headers are set before the chain
 * runs, so a route may replace one deliberately, and set again just before the answer is committed
 * if an error handler removed them.
 */
class SecurityHeaders implements WebFilter, Ordered {

  /** The policy of every page: the site's pages use nothing but their own files. */
  static final String POLICY =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " font-src 'self'; connect-src 'self'; manifest-src 'self'; base-uri 'none';"
          + " form-action 'self'; frame-ancestors 'none'";

  static final String HSTS = "max-age=31536000; includeSubDomains";

  private final TransportSecurity transport;

  SecurityHeaders(TransportSecurity transport) {
    this.transport = transport;
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    Map<String, String> wanted = headersFor(exchange.getRequest());
    HttpHeaders headers = exchange.getResponse().getHeaders();
    wanted.forEach(headers::set);
    exchange
        .getResponse()
        .beforeCommit(
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

  private Map<String, String> headersFor(ServerHttpRequest request) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Security-Policy", GraphiqlRoutes.policyFor(request.getPath().value()));
    headers.put("X-Content-Type-Options", "nosniff");
    headers.put("Referrer-Policy", "strict-origin-when-cross-origin");
    headers.put("X-Frame-Options", "DENY");
    if (transport.isSecure(request)) {
      headers.put("Strict-Transport-Security", HSTS);
    }
    return headers;
  }
}
