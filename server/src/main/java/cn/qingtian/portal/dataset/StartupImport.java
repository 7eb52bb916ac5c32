package cn.qingtian.portal.dataset;

import cn.qingtian.portal.operations.PortalMetrics;
import cn.qingtian.portal.release.CurrentRelease;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * On {@code serve}: imports the bundled data package when its content is new (decision D4). An
 * invalid package or a failed import is logged and the current release keeps serving; content equal
 * to an older release is not re-imported, so a restart never silently reverts newer data.
 */
@Component
@ConditionalOnProperty(name = "portal.datasets.import-on-start", matchIfMissing = true)
class StartupImport implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(StartupImport.class);

  private final DatasetProperties properties;
  private final PackageImporter importer;
  private final CurrentRelease currentRelease;

  StartupImport(
      DatasetProperties properties, PackageImporter importer, CurrentRelease currentRelease) {
    this.properties = properties;
    this.importer = importer;
    this.currentRelease = currentRelease;
  }

  @Override
  public void run(ApplicationArguments args) throws SQLException, IOException {
    long start = System.nanoTime();
    String outcome = "failed";
    try (BundledDatasets.Located bundled = BundledDatasets.locate(properties)) {
      outcome = importIfNew(bundled.packages());
    } finally {
      PortalMetrics.imported(outcome, start);
      long millis = PortalMetrics.millisSince(start);
      log.atInfo()
          .setMessage("Start-up import: {} in {} ms")
          .addArgument(outcome)
          .addArgument(millis)
          .addKeyValue("portal.import.outcome", outcome)
          .addKeyValue("portal.import.duration_ms", millis)
          .log();
    }
    currentRelease.refresh().block();
  }

  /** Imports the packages if their content is new; says how it ended, in one lower-case word. */
  private String importIfNew(List<Path> packages) throws SQLException {
    log.info("Checking bundled datasets {}", packages);
    Validation validation = PackageValidator.validate(packages);
    if (!validation.isValid()) {
      validation.problems().forEach(problem -> log.error("{}", problem));
      log.error("Bundled datasets are invalid: not imported, the current release keeps serving");
      return "invalid";
    } else {
      ValidatedPackage valid = validation.validPackage();
      Optional<Integer> earlier = importer.olderReleaseWithContent(RowHash.ofPackage(valid));
      if (earlier.isPresent()) {
        log.warn(
            "Bundled datasets equal release #{}, older than the current one: not re-imported",
            earlier.get());
        return "older";
      } else {
        try {
          return importer
              .importPackage(valid, false, null, message -> log.info("{}", message))
              .outcome()
              .name()
              .toLowerCase(Locale.ROOT);
        } catch (ImportRefusedException refused) {
          refused.problems().forEach(problem -> log.error("{}", problem));
          log.error("Bundled datasets were refused: the current release keeps serving");
          return "refused";
        }
      }
    }
  }
}
