package cn.qingtian.portal.operations;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** The settings of the actuator's views: the database health check and the GraphQL metrics. */
final class OperationsProperties {

  private OperationsProperties() {}

  /**
   * @param databaseTimeout how long the {@code database} health component waits for PostgreSQL
   */
  @ConfigurationProperties("portal.health")
  record Health(@DefaultValue("2s") Duration databaseTimeout) {

    Health {
      if (databaseTimeout.isNegative() || databaseTimeout.isZero()) {
        throw new IllegalArgumentException(
            "portal.health.database-timeout must be positive: " + databaseTimeout);
      }
    }
  }

  /**
   * @param graphqlOperationNames how many distinct operation names tag {@code graphql.request};
   *     later ones are tagged {@code (other)}
   */
  @ConfigurationProperties("portal.metrics")
  record Metrics(@DefaultValue("200") int graphqlOperationNames) {

    Metrics {
      if (graphqlOperationNames < 0) {
        throw new IllegalArgumentException(
            "portal.metrics.graphql-operation-names must not be negative: "
                + graphqlOperationNames);
      }
    }
  }
}
