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
 *     extensions.cost.requestedQueryCost}, at least 1
 * @param window the length of a client's window, which starts with its first query
 * @param clientHeader the header a trusted proxy puts the client's address in
 * @param trustedProxies the addresses whose {@code clientHeader} is believed; any other peer is the
 *     client itself, whatever header it sends
 * @param maxClients how many clients are tracked at once; beyond it, expired windows are dropped
 */
@ConfigurationProperties("portal.api.rate-limit")
public record RateLimitProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("1000") int costPerWindow,
    @DefaultValue("1m") Duration window,
    @DefaultValue("X-Forwarded-For") String clientHeader,
    @DefaultValue({"127.0.0.1", "::1", "0:0:0:0:0:0:0:1"}) List<String> trustedProxies,
    @DefaultValue("100000") int maxClients) {}
