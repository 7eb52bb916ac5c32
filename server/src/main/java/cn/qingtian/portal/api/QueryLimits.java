package cn.qingtian.portal.api;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The most a single query may ask for; every client meets them, the site generator too (decision
 * D12, docs/decisions/0012-generator-limits.md).
 *
 * @param maxDepth the deepest field, counting the top level as 1
 * @param maxNodes the items all its lists may return together ({@link QueryCost#nodes()}): the
 *     estimate past which an answer is refused before it is built. GitHub allows 500,000 but
 *     requires a page size on every connection; here a connection without one counts its default of
 *     100, so a structural query with no page sizes (plans, their measures, their units) still
 *     fits. A client of {@code /graphql} is held to its rate-limit window first, which is far less
 * @param maxFields the fields of the query with fragments expanded, before anything else is counted
 * @param maxResponseSize the hard cap on the bytes of one answer of {@code /graphql}, checked while
 *     it is written: where a list held more than its declared maximum and the estimate was low, the
 *     answer is replaced by an error ({@code RESPONSE_TOO_LARGE}) rather than sent
 */
@ConfigurationProperties("portal.api.limits")
public record QueryLimits(
    @DefaultValue("15") int maxDepth,
    @DefaultValue("2000000") long maxNodes,
    @DefaultValue("5000") int maxFields,
    @DefaultValue("16MB") DataSize maxResponseSize) {}
