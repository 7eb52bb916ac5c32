package cn.qingtian.portal.database;

import cn.qingtian.portal.ApiIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The same API on the official PostgreSQL image, where Docker is available; skipped cleanly where
 * it is not (as on the project's CI machines).
 */
@ApiIntegrationTest
@Testcontainers(disabledWithoutDocker = true)
class OfficialPostgresImageTest {

  @Container
  static final PostgreSQLContainer POSTGRES =
      new PostgreSQLContainer("postgres:17").withInitScript("testcontainers/roles.sql");

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add(
        "portal.database.url",
        () ->
            "postgresql://"
                + POSTGRES.getUsername()
                + ":"
                + POSTGRES.getPassword()
                + "@"
                + POSTGRES.getHost()
                + ":"
                + POSTGRES.getFirstMappedPort()
                + "/"
                + POSTGRES.getDatabaseName());
    registry.add("portal.database.api-password", () -> "portal_api");
  }

  @Autowired HttpGraphQlTester graphQl;

  @Test
  void servesThePlanFromTheOfficialImage() {
    graphQl
        .document("{ measures { totalCount } }")
        .execute()
        .path("measures.totalCount")
        .entity(Integer.class)
        .isEqualTo(54);
  }
}
