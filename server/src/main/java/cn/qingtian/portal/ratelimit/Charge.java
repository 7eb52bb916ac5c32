package cn.qingtian.portal.ratelimit;

import org.jspecify.annotations.Nullable;

/**
 * One request's dealings with the limiter: which client it comes from, and its standing once its
 * query was charged or refused. Kept in the exchange's attributes, which GraphQL interceptors may
 * read but not change.
 */
final class Charge {

  static final String ATTRIBUTE = Charge.class.getName();

  private final String client;
  private volatile @Nullable RateLimitStatus after;
  private volatile boolean refused;

  Charge(String client) {
    this.client = client;
  }

  String client() {
    return client;
  }

  void charged(RateLimitStatus status) {
    this.after = status;
  }

  void refused(RateLimitStatus status) {
    this.after = status;
    this.refused = true;
  }

  @Nullable RateLimitStatus after() {
    return after;
  }

  boolean isRefused() {
    return refused;
  }
}
