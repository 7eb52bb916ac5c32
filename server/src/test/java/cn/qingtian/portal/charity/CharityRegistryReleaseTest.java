package cn.qingtian.portal.charity;

import cn.qingtian.portal.ApiIntegrationTest;
import cn.qingtian.portal.DatabaseTest;
import cn.qingtian.portal.TestDatabases;
import cn.qingtian.portal.dataset.PackageFixture;
import cn.qingtian.portal.dataset.PackageImporter;
import cn.qingtian.portal.dataset.PackageValidator;
import cn.qingtian.portal.release.CurrentRelease;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The charity count is computed from the registry: a new release that changes it changes the count.
 */
@ApiIntegrationTest
@DatabaseTest
class CharityRegistryReleaseTest {

  private static final String DATABASE = TestDatabases.newImportedDatabaseUrl();
  private static final String COUNTS =
      "{ indicator(code: \"CHARITY_ORGANIZATIONS\") { observations { nodes { value } } } }";

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("portal.database.url", () -> DATABASE);
  }

  @TempDir Path temp;
  @Autowired PackageImporter importer;
  @Autowired CurrentRelease currentRelease;
  @Autowired HttpGraphQlTester graphQl;

  @Test
  void addingOrDeregisteringAnOrganizationInANewReleaseChangesTheCount() throws Exception {
    graphQl
        .document(COUNTS)
        .execute()
        .path("indicator.observations.nodes[*].value")
        .entityList(Double.class)
        .containsExactly(2.0, 4.0, 5.0, 6.0, 7.0, 8.0);

    Path plan = PackageFixture.copyOfBundled(temp).version("9.0.0").directory();
    Path demo =
        PackageFixture.copyOfDemo(temp)
            // a new organization recognized in 2023 …
            .appendLine(
                "charities.csv",
                "DEMO_CHARITY_10,,青田县（演示）新设基金会,Qingtian (DEMO) New Foundation,,2022-12-01,2023-03-01,"
                    + "false,true,HEALTH,false,,,ACTIVE,,DEMO,DEMO_GENERATOR,,")
            // … and the 2020 one deregistered in 2022
            .edit(
                "charities.csv",
                text ->
                    text.replaceFirst(
                        "(DEMO_CHARITY_02,[^\\n]*?),ACTIVE,,DEMO",
                        "$1,DEREGISTERED,2022-06-30,DEMO"))
            .directory();
    importer.importPackage(
        PackageValidator.validate(List.of(plan, demo)).valid().orElseThrow(), false, null, m -> {});
    currentRelease.refresh().block();

    graphQl
        .document(COUNTS)
        .execute()
        .path("indicator.observations.nodes[*].value")
        .entityList(Double.class)
        .containsExactly(2.0, 4.0, 4.0, 6.0, 7.0, 8.0);
  }
}
