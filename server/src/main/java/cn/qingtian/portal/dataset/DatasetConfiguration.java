package cn.qingtian.portal.dataset;

import cn.qingtian.portal.database.ImportLock;
import cn.qingtian.portal.database.JdbcConnections;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Makes the importer available to the {@code import} command and the start-up import, and the
 * rollback to the {@code rollback} command.
 */
@Configuration(proxyBeanMethods = false)
class DatasetConfiguration {

  /** The gate's steps in their {@code @Order}: each sees the outputs of those before it. */
  @Bean
  DisclosureGate disclosureGate(java.util.List<DerivedTables> steps) {
    return new DisclosureGate(steps);
  }

  @Bean
  PackageImporter packageImporter(
      JdbcConnections ownerConnections, DisclosureGate gate, ImportLock importLock) {
    return new PackageImporter(ownerConnections, gate, importLock);
  }

  @Bean
  ReleaseRollback releaseRollback(
      JdbcConnections ownerConnections, ImportLock importLock, Clock clock) {
    return new ReleaseRollback(ownerConnections, importLock, clock);
  }
}
