package cn.qingtian.portal.web;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the HTTP server guards itself (docs/reliability.md).
 *
 * @param responseStartTimeout a page or download whose answer has not started within it is answered
 *     503 ({@link RequestTimeout})
 * @param maxInFlight requests served at once; beyond it an immediate 503 {@code OVERLOADED} ({@link
 *     InFlightLimit}); at least 1
 * @param overloadRetryAfter the {@code Retry-After} of that 503, in whole seconds, at least 1
 * @param maxConnections open connections; at this many the server stops accepting ({@link
 *     ConnectionLimit}); at least 1
 * @param maxConnectionsPerAddress open connections from one address, trusted proxies exempt; at
 *     least 1
 * @param firstRequestTimeout a connection whose request is not received completely within it is
 *     closed
 */
@ConfigurationProperties("portal.http")
public record HttpProperties(
    @DefaultValue("30s") Duration responseStartTimeout,
    @DefaultValue("256") int maxInFlight,
    @DefaultValue("1s") Duration overloadRetryAfter,
    @DefaultValue("8192") int maxConnections,
    @DefaultValue("256") int maxConnectionsPerAddress,
    @DefaultValue("10s") Duration firstRequestTimeout) {

  public HttpProperties {
    positive("portal.http.response-start-timeout", responseStartTimeout);
    positive("portal.http.first-request-timeout", firstRequestTimeout);
    if (overloadRetryAfter.isNegative()) {
      throw new IllegalArgumentException(
          "portal.http.overload-retry-after must not be negative: " + overloadRetryAfter);
    }
  }

  private static void positive(String name, Duration value) {
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive: " + value);
    }
  }
}
