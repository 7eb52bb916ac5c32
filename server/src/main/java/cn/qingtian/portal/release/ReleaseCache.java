package cn.qingtian.portal.release;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntFunction;
import reactor.core.publisher.Mono;

/**
 * Keeps the values computed from the two releases used last: the one served and the one being
 * prepared to replace it ({@link ReleasePreparation}), so neither evicts the other while both are
 * asked for. Data changes only at a release (decision D4), so whatever is derived from one can be
 * reused by every request on it. Callers that ask at the same time share one load; a load that
 * fails is not kept, so the next caller tries again (a database that was away is used again once it
 * is back).
 *
 * <p>Not a Caffeine cache on purpose: with room for two, Caffeine's admission policy (TinyLFU)
 * keeps the more often used of two entries rather than the more recent, so the release served now
 * could be dropped for one that was busy before it. The lock is held only to place a lazy {@link
 * Mono}, never while loading.
 */
public final class ReleaseCache<T> {

  /** As good as forever: a release's value is dropped when two others were asked for since. */
  private static final Duration KEPT = Duration.ofDays(3650);

  private static final int RELEASES = 2;

  private final Map<Integer, Mono<T>> values =
      new LinkedHashMap<>(4, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, Mono<T>> eldest) {
          return size() > RELEASES;
        }
      };

  /**
   * The value for {@code release}, loaded once by {@code load} and shared by concurrent callers.
   */
  public Mono<T> get(int release, IntFunction<Mono<T>> load) {
    synchronized (values) {
      return values.computeIfAbsent(
          release,
          number ->
              Mono.defer(() -> load.apply(number))
                  .cache(value -> KEPT, error -> Duration.ZERO, () -> Duration.ZERO));
    }
  }
}
