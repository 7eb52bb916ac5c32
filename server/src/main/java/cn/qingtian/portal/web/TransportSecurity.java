package cn.qingtian.portal.web;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Set;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * Whether a request reached the portal over TLS: directly (the connection itself is TLS), or
 * through a trusted proxy (the same addresses the rate limit believes, {@code
 * portal.api.rate-limit.trusted-proxies}) that says {@code X-Forwarded-Proto: https}. The header
 * from any other peer is ignored: anyone can write it. Of a list of values the last one counts, the
 * one the trusted proxy itself added.
 */
record TransportSecurity(Set<String> trustedProxies) {

  static final String FORWARDED_PROTO = "X-Forwarded-Proto";

  TransportSecurity(List<String> trustedProxies) {
    this(Set.copyOf(trustedProxies));
  }

  boolean isSecure(ServerHttpRequest request) {
    if (request.getSslInfo() != null) {
      return true;
    }
    if (!trustedProxies.contains(peer(request))) {
      return false;
    }
    List<String> values = request.getHeaders().getOrEmpty(FORWARDED_PROTO);
    if (values.isEmpty()) {
      return false;
    }
    String[] protocols = values.get(values.size() - 1).split(",");
    return "https".equalsIgnoreCase(protocols[protocols.length - 1].strip());
  }

  private static String peer(ServerHttpRequest request) {
    InetSocketAddress remote = request.getRemoteAddress();
    if (remote == null) {
      return "unknown";
    }
    return remote.getAddress() != null
        ? remote.getAddress().getHostAddress()
        : remote.getHostString();
  }
}
