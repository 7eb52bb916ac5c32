package cn.qingtian.portal.release;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;
import reactor.core.publisher.Mono;

/**
 * Keeps one value computed from a release until another release is asked for: data changes only at
 * a release (decision D4), so whatever is derived from one can be reused by every request on it.
 */
public final class ReleaseCache<T> {

  private final AtomicReference<Entry<T>> entry =
      new AtomicReference<>(new Entry<>(-1, Mono.empty()));

  /**
   * The value for {@code release}, loaded once by {@code load} and shared by concurrent callers.
   */
  public Mono<T> get(int release, IntFunction<Mono<T>> load) {
    Entry<T> current = entry.get();
    if (current.release() == release) {
      return current.value();
    }
    Mono<T> loaded = load.apply(release).cache();
    entry.compareAndSet(current, new Entry<>(release, loaded));
    return loaded;
  }

  private record Entry<T>(int release, Mono<T> value) {}
}
