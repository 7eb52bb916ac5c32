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
    @DefaultValue("60") int refusedPerWindow) {}
