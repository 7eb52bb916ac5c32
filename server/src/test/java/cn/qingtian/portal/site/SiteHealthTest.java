package cn.qingtian.portal.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.qingtian.portal.ApiIntegrationTest;
import cn.qingtian.portal.RawHttp;
import cn.qingtian.portal.SharedDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A site that cannot be built shows in the health an operator's monitoring reads, while the
 * instance stays ready: the API and the previous site still answer (docs/reliability.md, attack
 * finding 1: site builds failed while every probe said UP).
 */
@ApiIntegrationTest
class SiteHealthTest extends SharedDatabase {

  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;

  @DynamicPropertySource
  static void unwritableSite(DynamicPropertyRegistry registry) {
    try {
      // A folder inside a regular file can never be created: every build fails.
      Path file = Files.createTempFile("not-a-folder", ".txt");
      registry.add("portal.site.directory", () -> file.resolve("site").toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    registry.add("portal.site.publish-on-release", () -> "true");
  }

  @Test
  void aSiteBuildThatFailsIsReportedWithoutTakingTheInstanceOutOfRotation() throws Exception {
    await("the health says the site is DOWN")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .untilAsserted(
            () -> {
              JsonNode site = JSON.readTree(get("/actuator/health").text()).at("/components/site");
              assertThat(site.path("status").asText()).as(site.toString()).isEqualTo("DOWN");
            });
    assertThat(get("/actuator/health").status()).isEqualTo(503);
    RawHttp.Response readiness = get("/actuator/health/readiness");
    assertThat(readiness.status()).as(readiness.text()).isEqualTo(200);
    assertThat(readiness.text()).doesNotContain("\"site\"");
  }

  private RawHttp.Response get(String path) {
    return RawHttp.get("http://localhost:" + port + path);
  }
}
