package cn.qingtian.portal.ratelimit;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How much each client of {@code /graphql} may ask for.
 *
 * @param enabled whether clients are limited at all (a benchmark or a private deployment may switch
 *     it off)
 * @param costPerWindow the query cost a client may spend per window: each query costs its {@code
 *     extensions.cost.requestedQueryCost}, at least 1; a query costing more than this is refused at
 *     once ({@code QUERY_TOO_EXPENSIVE})
 * @param window the length of a client's window, which starts with its first query
 * @param clientHeader the header a trusted proxy puts the client's address in
 * @param trustedProxies the addresses whose {@code clientHeader} is believed; any other peer is the
 *     client itself, whatever header it sends
 * @param maxClients how many clients are tracked at once; beyond it, expired windows are dropped
 * @param maxConcurrentPerClient how many queries one client may have running at once; the next is
 *     answered at once with a 429 and {@code Retry-After: 1}, not queued
 * @param refusedPerWindow how many refused queries (that do not parse or validate, too deep, too
 *     large, too expensive) a client may send per window: they cost no points, but past this every
 *     query of the client is refused with a 429 until the window ends
 * @param serverTimePerPoint the server time one point buys: an executed query is charged the larger
 *     of its estimated cost and the time it held the server, so that a query the estimate prices
 *     low but that takes long to compute (1,000 aliased {@code incomeDistribution} tables: 20
 *     points, seconds of work) spends its window by its time. At 10 ms a point, a window of 1,000
 *     points buys a client 10 s of server time; a small query (a few ms) still costs its 1 point
 * @param publisherToken the secret a trusted publisher ({@code publish --from}, the mirror builder)
 *     sends as {@code Authorization: Bearer <token>}: its queries are charged to no window and may
 *     cost more than one (the site's documents cost about 24,320 points), while the per-query
 *     limits of depth, nodes, fields and answer size still hold. Empty (the default): no client is
 *     exempt and every bearer token is refused (401)
 */
@ConfigurationProperties("portal.api.rate-limit")
public record RateLimitProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("1000") int costPerWindow,
    @DefaultValue("1m") Duration window,
    @DefaultValue("X-Forwarded-For") String clientHeader,
    @DefaultValue({"127.0.0.1", "::1", "0:0:0:0:0:0:0:1"}) List<String> trustedProxies,
    @DefaultValue("100000") int maxClients,
    @DefaultValue("4") int maxConcurrentPerClient,
    @DefaultValue("60") int refusedPerWindow,
    @DefaultValue("10ms") Duration serverTimePerPoint,
    @DefaultValue("") String publisherToken) {

  public RateLimitProperties {
    if (serverTimePerPoint.isNegative() || serverTimePerPoint.isZero()) {
      throw new IllegalArgumentException(
          "portal.api.rate-limit.server-time-per-point must be positive: " + serverTimePerPoint);
    }
    publisherToken = publisherToken == null ? "" : publisherToken.strip();
  }

  /** The points {@code nanos} of server time cost: rounded up, so any time costs at least 1. */
  public long pointsFor(long nanos) {
    long per = serverTimePerPoint.toNanos();
    return Math.max(0, (nanos + per - 1) / per);
  }

  @Override
  public String toString() {
    // The token is a secret: never in a log line or an actuator page.
    return "RateLimitProperties[enabled=%s, costPerWindow=%d, window=%s, serverTimePerPoint=%s,"
            .formatted(enabled, costPerWindow, window, serverTimePerPoint)
        + " publisherToken="
        + (publisherToken.isEmpty() ? "(none)" : "(set)")
        + "]";
  }
}
