/**
 * HTTP around the GraphQL endpoint: queries over GET, the schema, GraphiQL, the request timeout and
 * the release-keyed response cache.
 */
@NullMarked
package cn.qingtian.portal.web;

import org.jspecify.annotations.NullMarked;
