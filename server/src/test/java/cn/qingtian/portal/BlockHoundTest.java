package cn.qingtian.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import reactor.blockhound.BlockingOperationError;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The integration tests would catch a blocking call on an event-loop thread (decision D14,
 * docs/decisions/0014-tests.md).
 */
class BlockHoundTest {

  @Test
  void blockingOnANonBlockingThreadFails() {
    Object error =
        Mono.delay(Duration.ofMillis(1), Schedulers.parallel())
            .doOnNext(
                tick -> {
                  try {
                    // Not a wait: the blocking call BlockHound must catch.
                    Thread.sleep(1);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                })
            .map(Object.class::cast)
            .onErrorResume(e -> Mono.just(e))
            .block(Duration.ofSeconds(5));
    assertThat(error).isInstanceOf(BlockingOperationError.class);
  }
}
