package cn.qingtian.portal.release;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;
import reactor.core.publisher.Mono;

/**
 * Keeps one value computed from a release until another release is asked for: data changes only at
 * a release (decision D4), so whatever is derived from one can be reused by every request on it.
 * Callers that ask at the same time share one load; a load that fails is not kept, so the next
 * caller tries again (a database that was away is used again once it is back).
 */
public final class ReleaseCache<T> {

  /** As good as forever: a release's value is replaced when another release is asked for. */
  private static final Duration KEPT = Duration.ofDays(3650);

  private final AtomicReference<Entry<T>> entry =
      new AtomicReference<>(new Entry<>(-1, Mono.empty()));

  /**
   * The value for {@code release}, loaded once by {@code load} and shared by concurrent callers.
   */
  public Mono<T> get(int release, IntFunction<Mono<T>> load) {
    while (true) {
      Entry<T> current = entry.get();
      if (current.release() == release) {
        return current.value();
      }
      Mono<T> loaded =
          Mono.defer(() -> load.apply(release))
              .cache(value -> KEPT, error -> Duration.ZERO, () -> Duration.ZERO);
      if (entry.compareAndSet(current, new Entry<>(release, loaded))) {
        return loaded;
      }
    }
  }

  private record Entry<T>(int release, Mono<T> value) {}
}
