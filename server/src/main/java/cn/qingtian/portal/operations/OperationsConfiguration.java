package cn.qingtian.portal.operations;

import io.micrometer.core.instrument.config.MeterFilter;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The actuator's view of the portal, the parts that know no release: the {@code database} health
 * component (a bean's name less {@code HealthIndicator} names its component), the meter filter and
 * the GraphQL operation tag. The {@code release} component, the info contributor and the release
 * gauge are in {@code release.ReleaseActuatorConfiguration}, beside what they read. Not limited to
 * the web server: Boot creates the health endpoint in a command's context too and checks there that
 * the readiness group's members exist; none of these does anything until it is asked.
 */
@Configuration(proxyBeanMethods = false)
class OperationsConfiguration {

  @Bean
  DatabaseHealthIndicator databaseHealthIndicator(
      ConnectionFactory connectionFactory,
      @Value("${portal.health.database-timeout:2s}") Duration timeout) {
    return new DatabaseHealthIndicator(connectionFactory, timeout);
  }

  /** Boot's disk-space meters carry the working directory's absolute path as a tag: not public. */
  @Bean
  MeterFilter noFileSystemPaths() {
    return MeterFilter.denyNameStartsWith("disk.");
  }

  @Bean
  GraphQlOperationConvention graphQlOperationConvention(
      @Value("${portal.metrics.graphql-operation-names:200}") int limit) {
    return new GraphQlOperationConvention(new OperationNames(limit));
  }
}
