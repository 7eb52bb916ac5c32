package cn.qingtian.portal.dataset;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Makes the importer available to the {@code import} command and the start-up import. */
@Configuration(proxyBeanMethods = false)
class DatasetConfiguration {

  @Bean
  PackageImporter packageImporter(
      JdbcConnections ownerConnections, java.util.List<DerivedTables> derivedTables) {
    return new PackageImporter(ownerConnections, derivedTables);
  }
}
