package cn.qingtian.portal;

import java.nio.file.Path;
import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the API tests that serve a published site: they share one database, one site folder and
 * one Spring context. The portal publishes the site itself when it starts serving the bundled
 * release; a test may publish the same release again (builds of one folder take turns). The
 * downloads are written beside it, and a whole suite's requests from one address (a fuzz run's
 * included) never meet the rate limit.
 */
public abstract class SharedSite extends SharedDatabase {

  /** The folder holding {@link #SITE} and {@link #DOWNLOADS} (a test may plant files in it). */
  public static final Path ROOT =
      Path.of("target", "test-site", UUID.randomUUID().toString()).toAbsolutePath();

  public static final Path SITE = ROOT.resolve("site");
  public static final Path DOWNLOADS = ROOT.resolve("downloads");

  @DynamicPropertySource
  static void sharedSite(DynamicPropertyRegistry registry) {
    registry.add("portal.site.directory", SITE::toString);
    registry.add("portal.site.publish-on-release", () -> "true");
    registry.add("portal.downloads.directory", DOWNLOADS::toString);
    registry.add("portal.api.rate-limit.cost-per-window", () -> "2000000000");
  }
}
