package cn.qingtian.portal.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fixed windows per client, as GitHub's GraphQL API counts: a client's window starts with its first
 * query and lasts {@link RateLimitProperties#window()}; every query adds its cost. A client whose
 * window is spent is refused until it ends. The query that crosses the limit still completes (its
 * cost is known only once it is measured); the next one is refused. A refused query (one that does
 * not parse or validate, too deep, too large, too expensive) costs no points but is counted in the
 * window: past {@link RateLimitProperties#refusedPerWindow()} of them the client is refused too.
 * How many queries each client has running is counted here as well ({@link #tryStart}).
 *
 * <p>What a window's queries cost beyond its limit is carried into the client's next windows (a
 * window's worth paid off by each one that passes), not forgiven at the reset: queries are admitted
 * on their estimate and charged their server time afterwards, so a few slow queries started at once
 * can spend several windows (docs/reliability.md, second-round finding B: four 10-second queries
 * charged 4,192 of 1,000 points, and the next window started at 0). With the carry-over a client's
 * server time over any run of windows stays within a window's worth per window, plus one burst of
 * at most {@link RateLimitProperties#maxConcurrentPerClient()} queries.
 *
 * <p>The windows are a Caffeine cache whose entries expire when they stop mattering: at the end of
 * the window, or once what it overspent is paid off. Caffeine's own size bound is not used: it
 * would drop some client's window (and so forgive that client) to make room, where here a client
 * beyond {@link RateLimitProperties#maxClients()} is not counted and the others keep theirs.
 */
public final class RateLimiter {

  private static final Logger log = LoggerFactory.getLogger(RateLimiter.class);

  private final RateLimitProperties properties;
  private final Clock clock;
  private final Cache<String, Window> windows;
  private final Map<String, Integer> running = new ConcurrentHashMap<>();

  public RateLimiter(RateLimitProperties properties, Clock clock) {
    this.properties = properties;
    this.clock = clock;
    this.windows =
        Caffeine.newBuilder()
            .ticker(() -> nanos(clock.instant()))
            .executor(Runnable::run)
            .expireAfter(Expiry.<String, Window>writing((client, window) -> untilWorthless(window)))
            .build();
  }

  /** The client's standing now, without spending anything. */
  public RateLimitStatus peek(String client) {
    Instant now = clock.instant();
    Window window = windows.getIfPresent(client);
    if (window == null || window.endedBy(now)) {
      int carried = window == null ? 0 : carriedInto(window, now);
      return new RateLimitStatus(
          properties.costPerWindow(), carried, now.plus(properties.window()));
    }
    return window.status(properties.costPerWindow());
  }

  /**
   * The client's standing now, starting its window if it has none: a query that shows its standing
   * is charged later to the window (and reset time) it showed.
   */
  public RateLimitStatus open(String client) {
    return charge(client, 0);
  }

  /** Spends {@code cost} of the client's window and returns its standing after that. */
  public RateLimitStatus charge(String client, long cost) {
    return update(client, (int) Math.min(Integer.MAX_VALUE, cost), 0)
        .status(properties.costPerWindow());
  }

  /**
   * Counts a refused query of the client in its window (no points spent) and returns its standing.
   */
  public RateLimitStatus refused(String client) {
    return update(client, 0, 1).status(properties.costPerWindow());
  }

  /** Whether the client has sent as many refused queries as its window allows. */
  public boolean refusalsSpent(String client) {
    Window window = windows.getIfPresent(client);
    return window != null
        && !window.endedBy(clock.instant())
        && window.refused() >= properties.refusedPerWindow();
  }

  /**
   * Starts a query of the client if it has fewer than {@link
   * RateLimitProperties#maxConcurrentPerClient()} running; {@link #finish} must follow once its
   * answer is sent.
   */
  public boolean tryStart(String client) {
    boolean[] started = {false};
    running.compute(
        client,
        (key, count) -> {
          int now = count == null ? 0 : count;
          if (now >= properties.maxConcurrentPerClient()) {
            return now;
          }
          started[0] = true;
          return now + 1;
        });
    return started[0];
  }

  /** Ends a query started by {@link #tryStart}. */
  public void finish(String client) {
    running.computeIfPresent(client, (key, count) -> count <= 1 ? null : count - 1);
  }

  private Window update(String client, int cost, int refused) {
    Instant now = clock.instant();
    if (windows.estimatedSize() >= properties.maxClients()
        && windows.getIfPresent(client) == null) {
      windows.cleanUp(); // drops the windows that no longer matter
      if (windows.estimatedSize() >= properties.maxClients()) {
        log.warn("{} clients in their window: {} is not counted", windows.estimatedSize(), client);
        RateLimitStatus status = peek(client);
        return new Window(status.resetAt(), status.used(), 0);
      }
    }
    return windows
        .asMap()
        .compute(
            client,
            (key, current) ->
                current == null || current.endedBy(now)
                    ? new Window(
                        now.plus(properties.window()),
                        (int)
                            Math.min(
                                Integer.MAX_VALUE,
                                (long) (current == null ? 0 : carriedInto(current, now)) + cost),
                        refused)
                    : new Window(
                        current.resetAt(),
                        (int) Math.min(Integer.MAX_VALUE, (long) current.used() + cost),
                        current.refused() + refused));
  }

  /**
   * How long until the window stops mattering: when it has ended and its overspending is paid off
   * ({@link #carriedInto} is 0 from then on), a limit's worth for each window after its end.
   */
  private Duration untilWorthless(Window window) {
    long limit = properties.costPerWindow();
    long excess = window.used() - limit;
    long windowsToPay = excess <= 0 ? 0 : (excess + limit - 1) / limit;
    long windowNanos = properties.window().toNanos();
    long after =
        windowsToPay > Long.MAX_VALUE / 4 / windowNanos
            ? Long.MAX_VALUE / 4
            : windowsToPay * windowNanos;
    long until = Duration.between(clock.instant(), window.resetAt()).toNanos();
    return Duration.ofNanos(Math.max(0, Math.min(Long.MAX_VALUE / 4, until + after)));
  }

  private static long nanos(Instant instant) {
    return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
  }

  /**
   * The points an ended window overspent that a window starting {@code now} still owes: its excess
   * over the limit, less a limit's worth for every whole window that has passed since it ended.
   */
  private int carriedInto(Window ended, Instant now) {
    long limit = properties.costPerWindow();
    long excess = ended.used() - limit;
    if (excess <= 0) {
      return 0;
    }
    long idle = Duration.between(ended.resetAt(), now).toNanos() / properties.window().toNanos();
    return (int) Math.max(0, excess - Math.min(idle, Integer.MAX_VALUE) * limit);
  }

  /** How many queries one client may have running at once. */
  public int maxConcurrent() {
    return properties.maxConcurrentPerClient();
  }

  public Instant now() {
    return clock.instant();
  }

  private record Window(Instant resetAt, int used, int refused) {

    boolean endedBy(Instant now) {
      return !now.isBefore(resetAt);
    }

    RateLimitStatus status(int limit) {
      return new RateLimitStatus(limit, used, resetAt);
    }
  }
}
