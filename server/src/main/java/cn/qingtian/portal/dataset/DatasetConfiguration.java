package cn.qingtian.portal.dataset;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Makes the importer available to the {@code import} command and the start-up import, and the
 * rollback to the {@code rollback} command.
 */
@Configuration(proxyBeanMethods = false)
class DatasetConfiguration {

  @Bean
  PackageImporter packageImporter(
      JdbcConnections ownerConnections, java.util.List<DerivedTables> derivedTables) {
    return new PackageImporter(ownerConnections, derivedTables);
  }

  @Bean
  ReleaseRollback releaseRollback(JdbcConnections ownerConnections) {
    return new ReleaseRollback(ownerConnections);
  }
}
