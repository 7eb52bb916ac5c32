package cn.qingtian.portal.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The response cache of {@code /graphql}.
 *
 * @param enabled whether answers are kept at all
 * @param maxSize the most the kept answers may take together, measured as their JSON; an answer
 *     over a sixteenth of it is never kept
 * @param warmUpQueries how many of the most recently asked queries are answered again for a new
 *     release before it is served
 */
@ConfigurationProperties("portal.api.response-cache")
record ResponseCacheProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("64MB") DataSize maxSize,
    @DefaultValue("200") int warmUpQueries) {}
