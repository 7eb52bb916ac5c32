package cn.qingtian.portal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * The HTTP and API settings bind by their old names, with the old defaults, and refuse nonsense.
 */
class HttpSettingsTest {

  private static <T> T bind(String prefix, Class<T> type, Map<String, String> properties) {
    return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate(prefix, type);
  }

  @Test
  void unsetSettingsKeepTheirDefaults() {
    assertThat(bind("portal.api", ApiProperties.class, Map.of()).requestTimeout())
        .isEqualTo(Duration.ofSeconds(10));
    assertThat(bind("portal.http", HttpProperties.class, Map.of()))
        .isEqualTo(
            new HttpProperties(
                Duration.ofSeconds(30),
                256,
                Duration.ofSeconds(1),
                8192,
                256,
                Duration.ofSeconds(10)));
  }

  @Test
  void settingsBindByTheirNames() {
    HttpProperties http =
        bind(
            "portal.http",
            HttpProperties.class,
            Map.of(
                "portal.http.response-start-timeout", "1ms",
                "portal.http.max-in-flight", "2",
                "portal.http.overload-retry-after", "3s",
                "portal.http.max-connections", "16",
                "portal.http.max-connections-per-address", "4",
                "portal.http.first-request-timeout", "1s"));
    assertThat(http)
        .isEqualTo(
            new HttpProperties(
                Duration.ofMillis(1), 2, Duration.ofSeconds(3), 16, 4, Duration.ofSeconds(1)));
    assertThat(
            bind(
                    "portal.api",
                    ApiProperties.class,
                    Map.of(
                        "portal.api.request-timeout", "120s", "portal.api.limits.max-depth", "9"))
                .requestTimeout())
        .isEqualTo(Duration.ofSeconds(120));
  }

  @Test
  void aTimeoutOfZeroIsRefusedNamingTheSetting() {
    assertThatThrownBy(
            () ->
                bind("portal.api", ApiProperties.class, Map.of("portal.api.request-timeout", "0s")))
        .hasStackTraceContaining("portal.api.request-timeout must be positive");
    assertThatThrownBy(
            () ->
                bind(
                    "portal.http",
                    HttpProperties.class,
                    Map.of("portal.http.response-start-timeout", "-1s")))
        .hasStackTraceContaining("portal.http.response-start-timeout must be positive");
  }
}
