package cn.qingtian.portal.ratelimit;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fixed windows per client, as GitHub's GraphQL API counts: a client's window starts with its first
 * query and lasts {@link RateLimitProperties#window()}; every query adds its cost. A client whose
 * window is spent is refused until it ends. The query that crosses the limit still completes (its
 * cost is known only once it is measured); the next one is refused.
 */
public final class RateLimiter {

  private static final Logger log = LoggerFactory.getLogger(RateLimiter.class);

  private final RateLimitProperties properties;
  private final Clock clock;
  private final Map<String, Window> windows = new ConcurrentHashMap<>();

  public RateLimiter(RateLimitProperties properties, Clock clock) {
    this.properties = properties;
    this.clock = clock;
  }

  /** The client's standing now, without spending anything. */
  public RateLimitStatus peek(String client) {
    Instant now = clock.instant();
    Window window = windows.get(client);
    return (window == null || window.endedBy(now))
        ? new RateLimitStatus(properties.costPerWindow(), 0, now.plus(properties.window()))
        : window.status(properties.costPerWindow());
  }

  /**
   * The client's standing now, starting its window if it has none: a query that shows its standing
   * is charged later to the window (and reset time) it showed.
   */
  public RateLimitStatus open(String client) {
    return charge(client, 0);
  }

  /** Spends {@code cost} of the client's window and returns its standing after that. */
  public RateLimitStatus charge(String client, int cost) {
    Instant now = clock.instant();
    if (windows.size() >= properties.maxClients() && !windows.containsKey(client)) {
      windows.values().removeIf(w -> w.endedBy(now));
      if (windows.size() >= properties.maxClients()) {
        log.warn("{} clients in their window: {} is not counted", windows.size(), client);
        return peek(client);
      }
    }
    Window window =
        windows.compute(
            client,
            (key, current) ->
                current == null || current.endedBy(now)
                    ? new Window(now.plus(properties.window()), cost)
                    : new Window(
                        current.resetAt(),
                        (int) Math.min(Integer.MAX_VALUE, (long) current.used() + cost)));
    return window.status(properties.costPerWindow());
  }

  public Instant now() {
    return clock.instant();
  }

  private record Window(Instant resetAt, int used) {

    boolean endedBy(Instant now) {
      return !now.isBefore(resetAt);
    }

    RateLimitStatus status(int limit) {
      return new RateLimitStatus(limit, used, resetAt);
    }
  }
}
