/**
 * Per-client rate limiting of the public GraphQL endpoint by query cost per minute, reported in
 * response headers and in the {@code rateLimit} field; the site generator's in-process queries are
 * not limited (they never pass through HTTP), nor are the queries of {@code publish --from} that
 * carry the portal's publisher token. A query costs the larger of its estimate and its server time.
 */
@NullMarked
package cn.qingtian.portal.ratelimit;

import org.jspecify.annotations.NullMarked;
