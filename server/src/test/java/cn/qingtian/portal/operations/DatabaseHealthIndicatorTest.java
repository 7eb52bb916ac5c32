package cn.qingtian.portal.operations;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qingtian.portal.DatabaseTest;
import cn.qingtian.portal.TestDatabases;
import cn.qingtian.portal.database.DatabaseAddress;
import io.r2dbc.postgresql.PostgresqlConnectionConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import io.r2dbc.spi.ConnectionFactory;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * The database component of readiness answers within its timeout whatever the database does: UP
 * when it answers, DOWN when it refuses connections or accepts them and never speaks, and never
 * with the database's address in what it shows.
 */
@DatabaseTest
class DatabaseHealthIndicatorTest {

  private static final Duration TIMEOUT = Duration.ofMillis(500);

  @Test
  void aDatabaseThatAnswersIsUp() {
    DatabaseAddress address = DatabaseAddress.parse(TestDatabases.newDatabaseUrl());
    // The first connection of a run may take a while on a busy machine: not what is tested here.
    Health health =
        new DatabaseHealthIndicator(factory(address), Duration.ofSeconds(20))
            .health()
            .block(Duration.ofSeconds(30));
    assertThat(health.getStatus()).isEqualTo(Status.UP);
  }

  @Test
  void aDatabaseThatRefusesConnectionsIsDownWithoutItsAddress() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    long start = System.nanoTime();
    Health health = check(factory(unreachable(closedPort)));
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
    assertThat(health.getDetails().toString())
        .contains("cannot connect")
        .doesNotContain("127.0.0.1", Integer.toString(closedPort), "localhost");
  }

  @Test
  void aDatabaseThatNeverAnswersIsDownOnceTheTimeoutHasPassed() throws Exception {
    List<Socket> accepted = new CopyOnWriteArrayList<>();
    try (ServerSocket silent = new ServerSocket(0)) {
      Thread acceptor =
          new Thread(
              () -> {
                try {
                  while (true) {
                    accepted.add(silent.accept());
                  }
                } catch (IOException closed) {
                  // the test is over
                }
              });
      acceptor.start();
      long start = System.nanoTime();
      Health health = check(factory(unreachable(silent.getLocalPort())));
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      assertThat(health.getStatus()).isEqualTo(Status.DOWN);
      assertThat(health.getDetails())
          .containsEntry("error", "no answer within 500 ms (details in the server log)");
      assertThat(took).isBetween(TIMEOUT, Duration.ofSeconds(3));
      assertThat(accepted).as("the check did reach the server").isNotEmpty();
    } finally {
      for (Socket socket : accepted) {
        socket.close();
      }
    }
  }

  private static Health check(ConnectionFactory factory) {
    return new DatabaseHealthIndicator(factory, TIMEOUT).health().block(Duration.ofSeconds(10));
  }

  private static DatabaseAddress unreachable(int port) {
    return new DatabaseAddress("127.0.0.1", port, "portal", "portal_api", "secret");
  }

  private static ConnectionFactory factory(DatabaseAddress address) {
    var configuration =
        PostgresqlConnectionConfiguration.builder()
            .host(address.host())
            .port(address.port())
            .database(address.database())
            .username(address.username())
            .connectTimeout(Duration.ofSeconds(5));
    if (address.password() != null) {
      configuration.password(address.password());
    }
    return new PostgresqlConnectionFactory(configuration.build());
  }
}
