package cn.qingtian.portal.attack;

import cn.qingtian.portal.SharedDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the attack tests on how the portal serves a site: one small site build of the layout the
 * generator writes (pages in folders, assets, a 404 page), and one Spring context for all of them.
 */
abstract class StaticSite extends SharedDatabase {

  static final Path SITE = create();

  @DynamicPropertySource
  static void staticSite(DynamicPropertyRegistry registry) {
    registry.add("portal.site.directory", SITE::toString);
  }

  private static Path create() {
    try {
      Path site = Files.createTempDirectory("attack-site");
      Files.writeString(site.resolve("index.html"), "<!doctype html><title>首页</title>");
      Files.writeString(site.resolve("404.html"), "<!doctype html><title>404</title>");
      Files.createDirectories(site.resolve("en"));
      Files.writeString(site.resolve("en/index.html"), "<!doctype html><title>Home</title>");
      Files.createDirectories(site.resolve("assets"));
      Files.writeString(site.resolve("assets/site.css"), "body { color: #222; }\n");
      return site;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
