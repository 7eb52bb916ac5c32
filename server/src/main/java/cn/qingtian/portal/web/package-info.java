/**
 * HTTP around the GraphQL endpoint and the portal's other routes: queries over GET, the schema,
 * GraphiQL, the framing of requests to {@code /graphql}, the request timeout, the 503 while the
 * database is away, the release-keyed response cache, and the security headers and CORS every
 * answer carries.
 */
@NullMarked
package cn.qingtian.portal.web;

import org.jspecify.annotations.NullMarked;
