package cn.qingtian.portal.ratelimit;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * Who a request comes from: the peer's address, or, when the peer is a trusted proxy, the last
 * address in the proxy's header that is not itself a trusted proxy (the one the proxy saw; the
 * addresses before it were written by the client and prove nothing).
 *
 * <p>Every address is normalised before it names a client's bucket: a port is dropped ({@code
 * 1.2.3.4:5678}, {@code [::1]:80}), an IPv4-mapped IPv6 address is its IPv4 address ({@code
 * ::ffff:1.2.3.4}), and an IPv6 address has one spelling whatever its case or abbreviation.
 * Otherwise one client behind a proxy that passes such spellings on could mint a fresh bucket per
 * spelling. A value that is not an address at all ({@code unknown}, garbage) counts as the proxy's
 * own address: all such requests share one bucket, and it is logged once.
 *
 * <p>An IPv6 client's bucket is its /64 network, as a host is usually given a whole /64 and could
 * otherwise take a fresh bucket for each of its 2^64 addresses (docs/reliability.md, second-round
 * finding B).
 */
record ClientAddress(String header, Set<String> trustedProxies) {

  private static final Logger log = LoggerFactory.getLogger(ClientAddress.class);
  private static final AtomicBoolean LOGGED = new AtomicBoolean();
  private static final Pattern IPV4 =
      Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
  private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]+");

  ClientAddress {
    trustedProxies =
        trustedProxies.stream()
            .map(proxy -> normalise(proxy).orElse(proxy))
            .collect(Collectors.toUnmodifiableSet());
  }

  static ClientAddress of(RateLimitProperties properties) {
    return new ClientAddress(properties.clientHeader(), Set.copyOf(properties.trustedProxies()));
  }

  /** The bucket the request's client is counted in: its address, an IPv6 client's /64. */
  String of(ServerHttpRequest request) {
    return bucket(address(request));
  }

  /** An IPv6 address's /64 network ({@code 2001:db8:0:0::/64}); any other address as it is. */
  static String bucket(String address) {
    String[] groups = address.split(":");
    if (groups.length != 8 || address.equals("0:0:0:0:0:0:0:1")) {
      return address; // IPv4, loopback, or no address at all
    }
    return String.join(":", java.util.Arrays.copyOf(groups, 4)) + "::/64";
  }

  private String address(ServerHttpRequest request) {
    InetSocketAddress remote = request.getRemoteAddress();
    String peer =
        remote == null
            ? "unknown"
            : remote.getAddress() != null ? canonical(remote.getAddress()) : remote.getHostString();
    if (!trustedProxies.contains(peer)) {
      return peer;
    }
    List<String> values = request.getHeaders().getOrEmpty(header);
    for (int v = values.size() - 1; v >= 0; v--) {
      String[] addresses = values.get(v).split(",");
      for (int a = addresses.length - 1; a >= 0; a--) {
        String written = addresses[a].strip();
        if (written.isEmpty()) {
          continue;
        }
        Optional<String> address = normalise(written);
        if (address.isEmpty()) {
          if (LOGGED.compareAndSet(false, true)) {
            log.warn(
                "{} from the trusted proxy {} holds {}, not an address: such requests count as the"
                    + " proxy's own (logged once)",
                header,
                peer,
                written.length() > 64 ? written.substring(0, 64) + "…" : written);
          }
          return peer;
        }
        if (!trustedProxies.contains(address.get())) {
          return address.get();
        }
      }
    }
    return peer;
  }

  /**
   * The one spelling of an address written in a header, with or without a port; empty when it is
   * not an IP address. Never looks a name up: only literals are parsed.
   */
  static Optional<String> normalise(String written) {
    String text = written.strip();
    if (text.startsWith("[")) {
      int end = text.indexOf(']');
      if (end < 0 || !(end == text.length() - 1 || port(text.substring(end + 1)))) {
        return Optional.empty();
      }
      text = text.substring(1, end);
    } else if (text.indexOf(':') >= 0 && text.indexOf(':') == text.lastIndexOf(':')) {
      // One colon: IPv4 with a port (an IPv6 address has at least two).
      int colon = text.indexOf(':');
      if (!port(text.substring(colon))) {
        return Optional.empty();
      }
      text = text.substring(0, colon);
    }
    Matcher ipv4 = IPV4.matcher(text);
    try {
      if (ipv4.matches()) {
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
          int part = Integer.parseInt(ipv4.group(i + 1));
          if (part > 255) {
            return Optional.empty();
          }
          bytes[i] = (byte) part;
        }
        return Optional.of(canonical(InetAddress.getByAddress(bytes)));
      }
      if (text.contains(":") && text.length() <= 45 && IPV6.matcher(text).matches()) {
        // A literal with a colon is parsed, never looked up.
        return Optional.of(canonical(InetAddress.getByName(text)));
      }
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  private static boolean port(String suffix) {
    return suffix.matches(":\\d{1,5}");
  }

  /**
   * IPv4-mapped IPv6 as IPv4 (the JDK does that when parsing), IPv6 in its full lower-case form.
   */
  private static String canonical(InetAddress address) {
    if (address instanceof Inet6Address six) {
      byte[] bytes = six.getAddress();
      boolean mapped = true;
      for (int i = 0; i < 10; i++) {
        mapped &= bytes[i] == 0;
      }
      if (mapped && bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff) {
        try {
          return InetAddress.getByAddress(java.util.Arrays.copyOfRange(bytes, 12, 16))
              .getHostAddress();
        } catch (UnknownHostException e) {
          throw new IllegalStateException(e);
        }
      }
      // Without a scope: the address, not the interface it arrived on.
      String host = six.getHostAddress();
      int scope = host.indexOf('%');
      return scope < 0 ? host : host.substring(0, scope);
    }
    return address.getHostAddress();
  }
}
