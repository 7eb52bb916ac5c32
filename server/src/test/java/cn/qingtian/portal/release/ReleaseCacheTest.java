package cn.qingtian.portal.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** What every request derives from a release is loaded once, and a failed load is tried again. */
class ReleaseCacheTest {

  private final ReleaseCache<String> cache = new ReleaseCache<>();
  private final AtomicInteger loads = new AtomicInteger();

  @Test
  void requestsArrivingTogetherShareOneLoad() {
    List<String> values =
        Flux.fromStream(IntStream.range(0, 20).boxed())
            .flatMap(i -> cache.get(1, this::slowLoad))
            .collectList()
            .block(Duration.ofSeconds(10));
    assertThat(values).hasSize(20).containsOnly("release 1");
    assertThat(loads).hasValue(1);
    cache.get(1, this::slowLoad).block(Duration.ofSeconds(10));
    assertThat(loads).hasValue(1);
    assertThat(cache.get(2, this::slowLoad).block(Duration.ofSeconds(10))).isEqualTo("release 2");
    assertThat(loads).hasValue(2);
  }

  @Test
  void aFailedLoadIsNotKept() {
    AtomicInteger attempts = new AtomicInteger();
    java.util.function.IntFunction<Mono<String>> flaky =
        release ->
            attempts.incrementAndGet() == 1
                ? Mono.error(new IllegalStateException("database away"))
                : Mono.just("release " + release);
    assertThatThrownBy(() -> cache.get(1, flaky).block()).hasMessageContaining("database away");
    assertThat(cache.get(1, flaky).block()).isEqualTo("release 1");
    assertThat(cache.get(1, flaky).block()).isEqualTo("release 1");
    assertThat(attempts).hasValue(2);
  }

  private Mono<String> slowLoad(int release) {
    return Mono.fromSupplier(
            () -> {
              loads.incrementAndGet();
              return "release " + release;
            })
        .delayElement(Duration.ofMillis(100));
  }
}
