package cn.qingtian.portal.attack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A small site build of the layout the generator writes: pages in folders, assets, a 404 page. */
final class StaticSite {

  private StaticSite() {}

  static Path create() {
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
