package cn.qingtian.portal.fuzz;

import static org.awaitility.Awaitility.await;

import cn.qingtian.portal.release.CurrentRelease;
import cn.qingtian.portal.release.Release;
import cn.qingtian.portal.site.SiteBuildScheduler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Publishes the current release's site into a folder for a test, as the portal does on a release,
 * and tries again when a build fails: on a machine shared by many test runs a build can run out of
 * time for a database connection, which is not what these tests are about.
 */
final class PublishedSite {

  private PublishedSite() {}

  static void publish(SiteBuildScheduler publishing, CurrentRelease current, Path directory)
      throws InterruptedException {
    Release refreshed = current.refresh().block(Duration.ofSeconds(60));
    if (refreshed == null || refreshed.number() == 0) {
      await("a release is served")
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(200))
          .until(() -> current.get().number() > 0);
    }
    RuntimeException last = null;
    for (int attempt = 0; attempt < 3; attempt++) {
      try {
        publishing.publish(current.get(), directory, message -> {});
        if (Files.isRegularFile(directory.resolve("index.html"))) {
          return;
        }
      } catch (RuntimeException e) {
        last = e;
      }
    }
    throw new IllegalStateException("the site could not be published", last);
  }
}
