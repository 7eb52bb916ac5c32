/**
 * What an operator watches: the health of the portal for probes (liveness; readiness with the
 * database, checked within a bounded time, and the release being served), {@code /actuator/info}
 * (version, release, Java), and the portal's own metrics beside Boot's (GraphQL operations by a
 * bounded set of names, release build and import timers, rate-limit rejections, the release
 * number). See docs/operations.md, "Monitoring".
 */
@NullMarked
package cn.qingtian.portal.operations;

import org.jspecify.annotations.NullMarked;
