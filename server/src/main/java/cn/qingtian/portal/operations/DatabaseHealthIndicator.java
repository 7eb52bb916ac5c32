package cn.qingtian.portal.operations;

import io.r2dbc.spi.ConnectionFactory;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.r2dbc.health.ConnectionFactoryHealthIndicator;
import reactor.core.publisher.Mono;

/**
 * The {@code database} health component: Boot's R2DBC check (a connection from the API's pool,
 * validated by the server), given a bounded time so that a probe never hangs on an unreachable
 * database: no answer within the timeout is DOWN. What went wrong is logged; the answer says only
 * that the database cannot be reached, never an address or a connection string.
 */
class DatabaseHealthIndicator implements ReactiveHealthIndicator {

  private static final Logger log = LoggerFactory.getLogger(DatabaseHealthIndicator.class);

  private static final String CANNOT = "cannot connect";

  private final ConnectionFactoryHealthIndicator check;
  private final Duration timeout;

  DatabaseHealthIndicator(ConnectionFactory connectionFactory, Duration timeout) {
    this.check = new ConnectionFactoryHealthIndicator(connectionFactory);
    this.timeout = timeout;
  }

  @Override
  public Mono<Health> health() {
    return check
        .health()
        .timeout(timeout)
        .map(this::withoutSensitiveDetails)
        .onErrorResume(
            error -> {
              boolean timedOut = error instanceof TimeoutException;
              log.warn(
                  "Database health check: DOWN, {}",
                  timedOut ? "no answer within " + timeout.toMillis() + " ms" : error.toString());
              return Mono.just(
                  down(timedOut ? "no answer within " + timeout.toMillis() + " ms" : CANNOT));
            });
  }

  private Health withoutSensitiveDetails(Health health) {
    if (health.getStatus().equals(Status.UP)) {
      return health;
    }
    log.warn("Database health check: {}, {}", health.getStatus(), health.getDetails().get("error"));
    return down(CANNOT);
  }

  private static Health down(String problem) {
    return Health.down()
        .withDetail("database", "PostgreSQL")
        .withDetail("error", problem + " (details in the server log)")
        .build();
  }
}
