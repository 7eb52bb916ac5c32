package cn.qingtian.portal.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qingtian.portal.ApiIntegrationTest;
import cn.qingtian.portal.DatabaseTest;
import cn.qingtian.portal.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Production: with the demo package switched off, nothing DEMO comes back from any query. */
@ApiIntegrationTest
@DatabaseTest
class DemoSwitchedOffTest {

  private static final String DATABASE = TestDatabases.newDatabaseUrl();

  @DynamicPropertySource
  static void productionSettings(DynamicPropertyRegistry registry) {
    registry.add("portal.database.url", () -> DATABASE);
    registry.add("portal.datasets.demo", () -> "false");
  }

  @Autowired HttpGraphQlTester graphQl;

  @Test
  void noQueryReturnsDemoDataAndIndicatorsWithoutOfficialDataSaySo() throws Exception {
    String everything =
        Files.readString(Path.of("src/test/resources/graphql-test/progress.graphql"))
            .replace("query progress {", "query everything {\n  currentRelease { version }")
            .replace(
                "latest { period provenance }",
                "latest { period provenance } observations { nodes { provenance source { code } } }"
                    + " comparison { observations { provenance } }");
    String body =
        graphQl.document(everything).execute().path("").entity(Object.class).get().toString();
    assertThat(body).doesNotContain("DEMO");
    var sources =
        graphQl.document("{ sources { nodes { code } } currentRelease { version } }").execute();
    sources.path("sources.nodes[*].code").entityList(String.class).doesNotContain("DEMO_GENERATOR");
    sources.path("currentRelease.version").entity(String.class).isEqualTo("1.6.0");

    List<String> statuses =
        graphQl
            .document(
                "{ indicator(code: \"DISPOSABLE_INCOME_PER_CAPITA\") { targets { progress { status } } } }")
            .execute()
            .path("indicator.targets[*].progress.status")
            .entityList(String.class)
            .get();
    assertThat(statuses).containsOnly("INSUFFICIENT_DATA");
    graphQl
        .document(
            "{ plan(code: \"qt-kzt-2021-2025\") { progress { provenance byStatus { status } } } }")
        .execute()
        .path("plan.progress.byStatus[*].status")
        .entityList(String.class)
        .satisfies(
            planStatuses ->
                assertThat(planStatuses)
                    .containsExactlyInAnyOrder("INSUFFICIENT_DATA", "NOT_ASSESSABLE"));
  }
}
