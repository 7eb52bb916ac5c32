package cn.qingtian.portal.database;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qingtian.portal.ApiIntegrationTest;
import cn.qingtian.portal.DatabaseTest;
import cn.qingtian.portal.SharedDatabase;
import io.r2dbc.spi.ConnectionFactory;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.test.StepVerifier;

/**
 * Decision D11 (docs/decisions/0011-database-roles.md): the API's connections can read public
 * tables and nothing else.
 */
@ApiIntegrationTest
@DatabaseTest
class ReadOnlyApiRoleTest extends SharedDatabase {

  @Autowired ConnectionFactory apiConnections;
  @Autowired JdbcConnections ownerConnections;

  @Test
  void theApiConnectsAsTheReadOnlyRole() {
    StepVerifier.create(api().sql("select current_user").map(r -> r.get(0, String.class)).one())
        .expectNext("portal_api")
        .verifyComplete();
  }

  @Test
  void theApiRoleCannotWrite() {
    StepVerifier.create(api().sql("update measures set title_zh = 'x'").fetch().rowsUpdated())
        .expectErrorSatisfies(e -> assertThat(e).hasMessageContaining("permission denied"))
        .verify();
    StepVerifier.create(
            api()
                .sql(
                    "insert into release (id, version, published_at, content_hash, package_name,"
                        + " changes) values (99, 'x', now(), 'x', 'x', '{}')")
                .fetch()
                .rowsUpdated())
        .expectErrorSatisfies(e -> assertThat(e).hasMessageContaining("permission denied"))
        .verify();
  }

  @Test
  void theApiRoleCannotReadThePrivateSchema() throws Exception {
    try (Connection owner = ownerConnections.open();
        Statement statement = owner.createStatement()) {
      statement.execute(
          "create table if not exists private.households_probe (household_id text, income numeric)");
    }
    StepVerifier.create(api().sql("select * from private.households_probe").fetch().all())
        .expectErrorSatisfies(e -> assertThat(e).hasMessageContaining("permission denied"))
        .verify();
    StepVerifier.create(api().sql("select * from flyway_schema_history").fetch().all())
        .expectErrorSatisfies(e -> assertThat(e).hasMessageContaining("permission denied"))
        .verify();
  }

  private DatabaseClient api() {
    return DatabaseClient.create(apiConnections);
  }
}
