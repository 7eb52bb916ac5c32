package cn.qingtian.portal.demo;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qingtian.portal.dataset.PackageFixture;
import cn.qingtian.portal.dataset.PackageValidator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoGeneratorTest {

  @TempDir Path temp;

  @Test
  void runTwiceWritesByteIdenticalFilesEqualToTheCommittedPackage() throws Exception {
    DemoGenerator.generate(PackageFixture.BUNDLED, temp.resolve("first"));
    DemoGenerator.generate(PackageFixture.BUNDLED, temp.resolve("second"));
    for (String file :
        List.of(
            "datapackage.json",
            "sources.csv",
            "observations.csv",
            "charities.csv",
            "charity_finances.csv",
            "charity_donations.csv",
            "charity_grants.csv",
            "achievement_departments.csv")) {
      byte[] first = Files.readAllBytes(temp.resolve("first").resolve(file));
      assertThat(Files.readAllBytes(temp.resolve("second").resolve(file)))
          .as(file)
          .isEqualTo(first);
      assertThat(Files.readAllBytes(PackageFixture.DEMO.resolve(file)))
          .as("datasets/demo/%s is what the generator writes (rerun demo-data)", file)
          .isEqualTo(first);
    }
  }

  @Test
  void everyRowIsLabelledDemoAndTheTwoPackagesValidateTogether() throws Exception {
    List<String> rows = Files.readAllLines(PackageFixture.DEMO.resolve("observations.csv"));
    assertThat(rows).hasSizeGreaterThan(200);
    assertThat(rows.subList(1, rows.size()))
        .allSatisfy(row -> assertThat(row).contains(",DEMO,DEMO_GENERATOR,演示数据"));
    assertThat(rows).anySatisfy(row -> assertThat(row).contains("-01-01/P9M"));
    assertThat(
            PackageValidator.validate(List.of(PackageFixture.BUNDLED, PackageFixture.DEMO))
                .problems())
        .isEmpty();
  }
}
