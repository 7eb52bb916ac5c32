package cn.qingtian.portal.release;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import reactor.core.publisher.Mono;

/**
 * The {@code release} health component: UP with the number, version and publication time of the
 * release being served; OUT_OF_SERVICE while there is none, since the API would then answer every
 * query with nothing.
 */
class ReleaseHealthIndicator implements ReactiveHealthIndicator {

  private final CurrentRelease current;

  ReleaseHealthIndicator(CurrentRelease current) {
    this.current = current;
  }

  @Override
  public Mono<Health> health() {
    return Mono.fromSupplier(() -> of(current.get()));
  }

  static Health of(Release release) {
    if (release.number() == 0) {
      return Health.outOfService().withDetail("reason", "no release is served yet").build();
    }
    return Health.up()
        .withDetail("number", release.number())
        .withDetail("version", release.version())
        .withDetail("publishedAt", release.publishedAt())
        .build();
  }
}
