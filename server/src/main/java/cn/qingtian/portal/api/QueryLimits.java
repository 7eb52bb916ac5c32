package cn.qingtian.portal.api;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The most a single query may ask for; every client meets them, the site generator too (D12).
 *
 * @param maxDepth the deepest field, counting the top level as 1
 * @param maxNodes the nodes all its connections may return together. GitHub allows 500,000 but
 *     requires a page size on every connection; here a connection without one counts its default of
 *     100, so a structural query with no page sizes (plans, their measures, their units) still fits
 * @param maxFields the fields of the query with fragments expanded, before anything else is counted
 */
@ConfigurationProperties("portal.api.limits")
public record QueryLimits(
    @DefaultValue("15") int maxDepth,
    @DefaultValue("2000000") long maxNodes,
    @DefaultValue("5000") int maxFields) {}
