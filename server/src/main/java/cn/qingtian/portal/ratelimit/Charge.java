package cn.qingtian.portal.ratelimit;

import org.jspecify.annotations.Nullable;

/**
 * One request's dealings with the limiter: which client it comes from, and its standing once its
 * query was charged or refused. Kept in the exchange's attributes, which GraphQL interceptors may
 * read but not change.
 */
final class Charge {

  static final String ATTRIBUTE = Charge.class.getName();

  /** What became of the query. */
  enum Outcome {
    /** It ran and was charged its cost. */
    CHARGED,
    /** It costs more than is left of the window: a 429 with {@code Retry-After}. */
    RATE_LIMITED,
    /** It costs more than the whole window: a 400 without {@code Retry-After}. */
    TOO_EXPENSIVE,
    /** It was refused before it ran (invalid, too deep, too large): no points, one refusal. */
    REFUSED
  }

  private final String client;
  private volatile @Nullable RateLimitStatus after;
  private volatile Outcome outcome = Outcome.CHARGED;

  Charge(String client) {
    this.client = client;
  }

  String client() {
    return client;
  }

  void settled(Outcome outcome, RateLimitStatus status) {
    this.outcome = outcome;
    this.after = status;
  }

  @Nullable RateLimitStatus after() {
    return after;
  }

  Outcome outcome() {
    return outcome;
  }
}
