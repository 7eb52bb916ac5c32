package cn.qingtian.portal.database;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qingtian.portal.IntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** With no database configured, the portal starts its own real PostgreSQL and serves the plan. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "portal.site.publish-on-release=false",
      "portal.downloads.directory=target/test-downloads/embedded-default"
    })
@AutoConfigureHttpGraphQlTester
@IntegrationTest
class EmbeddedDefaultTest {

  private static final Path DATA = createDataDirectory();

  @DynamicPropertySource
  static void nothingConfigured(DynamicPropertyRegistry registry) {
    registry.add("portal.database.url", () -> "");
    registry.add("portal.database.embedded-data-directory", DATA::toString);
  }

  @Autowired DatabaseServer server;
  @Autowired HttpGraphQlTester graphQl;

  @Test
  void startsAnEmbeddedPostgresqlSeventeenAndServesTheBundledPlan() {
    assertThat(server.isEmbedded()).isTrue();
    assertThat(DATA.resolve("PG_VERSION")).content().startsWith("17");
    // The first query may wait for the start-up import: seconds, more on a busy CI machine.
    graphQl
        .mutate()
        .webTestClient(client -> client.responseTimeout(java.time.Duration.ofSeconds(60)))
        .responseTimeout(java.time.Duration.ofSeconds(60))
        .build()
        .document("{ measures { totalCount } }")
        .execute()
        .path("measures.totalCount")
        .entity(Integer.class)
        .isEqualTo(54);
  }

  private static Path createDataDirectory() {
    try {
      return Files.createTempDirectory("portal-embedded").resolve("postgres");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
