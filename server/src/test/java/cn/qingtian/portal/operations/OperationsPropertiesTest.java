package cn.qingtian.portal.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** {@code portal.health.*} and {@code portal.metrics.*} bind with the old defaults. */
class OperationsPropertiesTest {

  private static <T> T bind(String prefix, Class<T> type, Map<String, String> properties) {
    return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate(prefix, type);
  }

  @Test
  void defaultsAndNames() {
    assertThat(bind("portal.health", OperationsProperties.Health.class, Map.of()).databaseTimeout())
        .isEqualTo(Duration.ofSeconds(2));
    assertThat(
            bind("portal.metrics", OperationsProperties.Metrics.class, Map.of())
                .graphqlOperationNames())
        .isEqualTo(200);
    assertThat(
            bind(
                    "portal.metrics",
                    OperationsProperties.Metrics.class,
                    Map.of("portal.metrics.graphql-operation-names", "5"))
                .graphqlOperationNames())
        .isEqualTo(5);
  }

  @Test
  void aNegativeNameCountIsRefused() {
    assertThatThrownBy(
            () ->
                bind(
                    "portal.metrics",
                    OperationsProperties.Metrics.class,
                    Map.of("portal.metrics.graphql-operation-names", "-1")))
        .hasStackTraceContaining("must not be negative");
  }
}
