package cn.qingtian.portal.database;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import io.r2dbc.spi.ConnectionFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Objects;
import java.util.Properties;
import org.flywaydb.core.Flyway;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Wires the database: the server (embedded or external), Flyway migrations run as the owner, owner
 * JDBC connections for imports, and the API's R2DBC pool, which logs in as the read-only role.
 *
 * <p>The embedded server's port is known only once it has started, so migrations run here rather
 * than through Boot's Flyway auto-configuration, which needs a JDBC URL before the context starts.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DatabaseProperties.class)
class DatabaseConfiguration {

  @Bean(destroyMethod = "close")
  DatabaseServer databaseServer(DatabaseProperties properties) {
    return properties.isEmbedded()
        ? DatabaseServer.embedded(properties.embeddedDataDirectory(), properties.embeddedDurable())
        : DatabaseServer.external(properties.url());
  }

  @Bean
  MigratedDatabase migratedDatabase(DatabaseServer server, DatabaseProperties properties)
      throws SQLException {
    DatabaseAddress address = server.address();
    Flyway.configure()
        .dataSource(address.jdbcUrl(), address.username(), address.password())
        .locations("classpath:db/migration")
        .load()
        .migrate();
    if (!server.isEmbedded()) {
      return new MigratedDatabase(address, properties.apiPassword());
    }
    // The embedded server requires a password of every login: the API's gets the server's own,
    // which only the portal's user can read.
    String password = Objects.requireNonNull(address.password(), "the embedded server's password");
    try (Connection connection =
            DriverManager.getConnection(address.jdbcUrl(), address.username(), password);
        Statement statement = connection.createStatement()) {
      EmbeddedPassword.alterRole(statement, properties.apiUsername(), password);
    }
    return new MigratedDatabase(address, password);
  }

  @Bean
  JdbcConnections ownerConnections(MigratedDatabase database) {
    DatabaseAddress address = database.address();
    return () -> {
      Properties credentials = new Properties();
      credentials.setProperty("user", address.username());
      if (address.password() != null) {
        credentials.setProperty("password", address.password());
      }
      return DriverManager.getConnection(address.jdbcUrl(), credentials);
    };
  }

  /** What imports and rollbacks serialize on: a lock the API's login cannot take. */
  @Bean
  ImportLock importLock(DatabaseProperties properties) {
    return new ImportLock(properties.importLockTimeout());
  }

  @Bean
  ReaderConnections readerConnections(MigratedDatabase database, DatabaseProperties properties) {
    String url = database.address().jdbcUrl();
    return () -> {
      Properties credentials = new Properties();
      credentials.setProperty("user", properties.apiUsername());
      if (database.apiPassword() != null) {
        credentials.setProperty("password", database.apiPassword());
      }
      credentials.setProperty("ApplicationName", "qingtian-portal-downloads");
      credentials.setProperty("readOnly", "true");
      return DriverManager.getConnection(url, credentials);
    };
  }

  @Bean(destroyMethod = "dispose")
  ConnectionPool connectionFactory(MigratedDatabase database, DatabaseProperties properties) {
    DatabaseAddress address = database.address();
    var configuration =
        PostgresqlConnectionConfiguration.builder()
            .host(address.host())
            .port(address.port())
            .database(address.database())
            .username(properties.apiUsername())
            .applicationName("qingtian-portal-api")
            .connectTimeout(Duration.ofSeconds(5));
    if (database.apiPassword() != null) {
      configuration.password(database.apiPassword());
    }
    ConnectionFactory factory = new PostgresqlConnectionFactory(configuration.build());
    return new ConnectionPool(
        ConnectionPoolConfiguration.builder(factory)
            // Grows on demand: a pool opens 2 connections, not all of them, when it starts.
            .initialSize(Math.min(2, properties.apiPoolSize()))
            .maxSize(properties.apiPoolSize())
            .maxIdleTime(properties.apiPoolMaxIdleTime())
            .backgroundEvictionInterval(properties.apiPoolMaxIdleTime().dividedBy(2))
            .maxAcquireTime(Duration.ofSeconds(5))
            .validationQuery("select 1")
            .build());
  }

  @Bean
  DatabaseClient databaseClient(ConnectionFactory connectionFactory) {
    return DatabaseClient.create(connectionFactory);
  }

  /**
   * A database whose schema is up to date; its address is the owner's.
   *
   * @param apiPassword the API login's password: the configured one, the embedded server's own
   */
  record MigratedDatabase(DatabaseAddress address, @Nullable String apiPassword) {}
}
