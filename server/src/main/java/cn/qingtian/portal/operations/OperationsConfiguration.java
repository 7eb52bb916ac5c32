package cn.qingtian.portal.operations;

import cn.qingtian.portal.release.CurrentRelease;
import io.micrometer.core.instrument.config.MeterFilter;
import io.r2dbc.spi.ConnectionFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The actuator's view of the portal: the {@code database} and {@code release} health components (a
 * bean's name less {@code HealthIndicator} names its component), the info contributor, the release
 * gauge and the GraphQL operation tag. Not limited to the web server: Boot creates the health
 * endpoint in a command's context too and checks there that the readiness group's members exist;
 * none of these does anything until it is asked.
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

  @Bean
  ReleaseHealthIndicator releaseHealthIndicator(CurrentRelease current) {
    return new ReleaseHealthIndicator(current);
  }

  @Bean
  PortalInfoContributor portalInfoContributor(
      Environment environment, ObjectProvider<BuildProperties> build, CurrentRelease current) {
    return new PortalInfoContributor(
        environment.getProperty("spring.application.name", "qingtian-portal"),
        environment.getProperty("spring.application.version"),
        build.getIfAvailable(),
        current);
  }

  /** Boot's disk-space meters carry the working directory's absolute path as a tag: not public. */
  @Bean
  MeterFilter noFileSystemPaths() {
    return MeterFilter.denyNameStartsWith("disk.");
  }

  @Bean
  ReleaseMetrics releaseMetrics(CurrentRelease current) {
    return new ReleaseMetrics(current);
  }

  @Bean
  GraphQlOperationConvention graphQlOperationConvention(OperationsProperties.Metrics metrics) {
    return new GraphQlOperationConvention(new OperationNames(metrics.graphqlOperationNames()));
  }
}
