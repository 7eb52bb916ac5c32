package cn.qingtian.portal.release;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The actuator's view of the release being served: the {@code release} health component (a bean's
 * name less {@code HealthIndicator} names its component), the info contributor and the gauge {@code
 * portal.release.current}. The parts that know no release are in {@code
 * operations.OperationsConfiguration}. Not limited to the web server: Boot creates the health
 * endpoint in a command's context too and checks there that the readiness group's members exist;
 * none of these does anything until it is asked.
 */
@Configuration(proxyBeanMethods = false)
class ReleaseActuatorConfiguration {

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

  @Bean
  ReleaseMetrics releaseMetrics(CurrentRelease current) {
    return new ReleaseMetrics(current);
  }
}
