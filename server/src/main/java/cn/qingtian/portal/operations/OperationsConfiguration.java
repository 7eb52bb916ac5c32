package cn.qingtian.portal.operations;

import io.micrometer.core.instrument.config.MeterFilter;
import io.r2dbc.spi.ConnectionFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
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
@EnableConfigurationProperties({
  OperationsProperties.Health.class,
  OperationsProperties.Metrics.class
})
class OperationsConfiguration {

  @Bean
  DatabaseHealthIndicator databaseHealthIndicator(
      ConnectionFactory connectionFactory, OperationsProperties.Health health) {
    return new DatabaseHealthIndicator(connectionFactory, health.databaseTimeout());
  }

  /** Boot's disk-space meters carry the working directory's absolute path as a tag: not public. */
  @Bean
  MeterFilter noFileSystemPaths() {
    return MeterFilter.denyNameStartsWith("disk.");
  }

  @Bean
  GraphQlOperationConvention graphQlOperationConvention(OperationsProperties.Metrics metrics) {
    return new GraphQlOperationConvention(new OperationNames(metrics.graphqlOperationNames()));
  }
}
