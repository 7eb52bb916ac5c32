package cn.qingtian.portal.ratelimit;

import java.time.Instant;

/**
 * Where a client stands in its window.
 *
 * @param limit the cost allowed per window
 * @param used the cost spent in this window
 * @param resetAt when the window ends and the full limit is back
 */
public record RateLimitStatus(int limit, int used, Instant resetAt) {

  /**
   * Set in a query's GraphQL context when its answer shows the caller's own standing: such an
   * answer is the caller's alone and is never cached.
   */
  public static final String SHOWN = RateLimitStatus.class.getName() + ".shown";

  public int remaining() {
    return Math.max(0, limit - used);
  }

  /** Whole seconds until the reset, at least 1: what {@code Retry-After} says. */
  public long secondsToReset(Instant now) {
    long millis = resetAt.toEpochMilli() - now.toEpochMilli();
    return Math.max(1, (millis + 999) / 1000);
  }
}
