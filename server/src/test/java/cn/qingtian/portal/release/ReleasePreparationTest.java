package cn.qingtian.portal.release;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qingtian.portal.ApiIntegrationTest;
import cn.qingtian.portal.DatabaseTest;
import cn.qingtian.portal.RawHttp;
import cn.qingtian.portal.StatementCounter;
import cn.qingtian.portal.TestDatabases;
import cn.qingtian.portal.dataset.PackageFixture;
import cn.qingtian.portal.dataset.PackageImporter;
import cn.qingtian.portal.dataset.PackageValidator;
import cn.qingtian.portal.dataset.ValidatedPackage;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A new release is served only once it is ready: its search index and progress are built and the
 * queries asked most recently are answered again for it, while the release before keeps being
 * served. The first request on the new release then costs no database statement, and its answer is
 * the one the new release gives, not the old one.
 */
@ApiIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
@DatabaseTest
class ReleasePreparationTest {

  private static final String DATABASE = TestDatabases.newImportedDatabaseUrl();
  private static final String ROW = "RURAL_DISPOSABLE_INCOME_PER_CAPITA,331121,2019,_T,";
  private static final String QUERY =
      "{ indicator(code: \\\"RURAL_DISPOSABLE_INCOME_PER_CAPITA\\\") {"
          + " observations(first: 50) { nodes { period value } } } }";

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("portal.database.url", () -> DATABASE);
  }

  @TempDir Path temp;
  @Autowired PackageImporter importer;
  @Autowired CurrentRelease current;
  @Autowired StatementCounter.Statements statements;
  @LocalServerPort int port;

  @Test
  void theNewReleaseIsServedWithItsSearchIndexAndHottestAnswersReady(CapturedOutput log)
      throws Exception {
    String before = ask(QUERY);
    assertThat(before).contains("25222", "\"number\":1");
    ValidatedPackage changed =
        PackageValidator.validate(
                List.of(
                    PackageFixture.copyOfBundled(temp)
                        .version("1.6.1")
                        .replace("observations.csv", ROW + "25222,", ROW + "25300,")
                        .directory(),
                    PackageFixture.DEMO))
            .valid()
            .orElseThrow();
    importer.importPackage(changed, false, "revised 2019", message -> {});

    current.refresh().block();

    statements.reset();
    String after = ask(QUERY);
    assertThat(statements.count())
        .as("the first request on the new release is answered from memory")
        .isZero();
    assertThat(after).contains("25300", "\"number\":2").doesNotContain("25222");
    assertThat(after)
        .as("the same as the answer computed for the new release without the cache")
        .isEqualTo(ask(QUERY.replace("{ indicator", "{  indicator")));

    String output = log.getOut();
    int serving = output.indexOf("Serving release #2");
    assertThat(serving).isPositive();
    assertThat(output.indexOf("Search index of release #2")).isBetween(0, serving);
    assertThat(output.indexOf("Release #2 prepared in")).isBetween(0, serving);
  }

  private String ask(String query) {
    return RawHttp.post("http://localhost:" + port + "/graphql", "{\"query\":\"" + query + "\"}")
        .text();
  }
}
