package cn.qingtian.portal.web;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The links of the actuator's discovery page ({@code /actuator}) start with the portal's public
 * address (decision D15, docs/decisions/0015-addresses.md): the configured base URL, or with none
 * the bound address {@code http://localhost:{port}}. Spring builds them from the request's URI,
 * whose host is the client's {@code Host} header: anyone could otherwise make the portal hand out
 * links to a host of their choosing (to a monitoring tool, or into a shared cache). The page's
 * request is handed on with its scheme, host and port replaced, its path kept.
 */
final class ActuatorLinks implements WebFilter, Ordered {

  private final @Nullable URI base;

  /**
   * @param baseUrl the configured public address ({@code portal.downloads.base-url}, else {@code
   *     portal.site.base-url}), or null for the bound address
   */
  ActuatorLinks(@Nullable String baseUrl) {
    this.base = baseUrl == null || baseUrl.isBlank() ? null : URI.create(baseUrl.strip());
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE + 1;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    ServerHttpRequest request = exchange.getRequest();
    String path = request.getPath().value();
    if (!path.equals("/actuator") && !path.equals("/actuator/")) {
      return chain.filter(exchange);
    }
    URI rebased = rebase(request);
    return chain.filter(exchange.mutate().request(r -> r.uri(rebased)).build());
  }

  private URI rebase(ServerHttpRequest request) {
    URI uri = request.getURI();
    String scheme = base != null ? base.getScheme() : "http";
    String authority = base != null ? base.getRawAuthority() : "localhost:" + port(request);
    try {
      return new URI(scheme + "://" + authority + uri.getRawPath());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("not a base URL: " + base, e);
    }
  }

  private static int port(ServerHttpRequest request) {
    InetSocketAddress local = request.getLocalAddress();
    return local != null ? local.getPort() : 8080;
  }
}
