package cn.qingtian.portal.ratelimit;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Set;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * Who a request comes from: the peer's address, or, when the peer is a trusted proxy, the last
 * address in the proxy's header that is not itself a trusted proxy (the one the proxy saw; the
 * addresses before it were written by the client and prove nothing).
 */
record ClientAddress(String header, Set<String> trustedProxies) {

  static ClientAddress of(RateLimitProperties properties) {
    return new ClientAddress(properties.clientHeader(), Set.copyOf(properties.trustedProxies()));
  }

  String of(ServerHttpRequest request) {
    InetSocketAddress remote = request.getRemoteAddress();
    String peer =
        remote == null
            ? "unknown"
            : remote.getAddress() != null
                ? remote.getAddress().getHostAddress()
                : remote.getHostString();
    if (!trustedProxies.contains(peer)) {
      return peer;
    }
    List<String> values = request.getHeaders().getOrEmpty(header);
    for (int v = values.size() - 1; v >= 0; v--) {
      String[] addresses = values.get(v).split(",");
      for (int a = addresses.length - 1; a >= 0; a--) {
        String address = addresses[a].strip();
        if (!address.isEmpty() && !trustedProxies.contains(address)) {
          // Bounded: a header is the client's to fill, the key must not be.
          return address.length() > 64 ? address.substring(0, 64) : address;
        }
      }
    }
    return peer;
  }
}
