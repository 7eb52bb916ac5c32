package cn.qingtian.portal.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** {@code portal.release.*} binds with the old defaults and refuses a zero interval. */
class ReleasePropertiesTest {

  private static ReleaseProperties bind(Map<String, String> properties) {
    return new Binder(new MapConfigurationPropertySource(properties))
        .bindOrCreate("portal.release", ReleaseProperties.class);
  }

  @Test
  void defaultsAndNames() {
    assertThat(bind(Map.of()))
        .isEqualTo(new ReleaseProperties(Duration.ofSeconds(2), Duration.ofSeconds(60)));
    assertThat(bind(Map.of("portal.release.poll-interval", "200ms")).pollInterval())
        .isEqualTo(Duration.ofMillis(200));
  }

  @Test
  void aZeroPollIntervalIsRefused() {
    assertThatThrownBy(() -> bind(Map.of("portal.release.poll-interval", "0s")))
        .hasStackTraceContaining("portal.release.poll-interval must be positive");
  }
}
