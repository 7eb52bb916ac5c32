package cn.qingtian.portal.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Reads a published site folder in tests. */
final class SiteFiles {

  private SiteFiles() {}

  /** Every file's relative path and SHA-256, in path order. */
  static Map<String, String> digests(Path site) {
    Map<String, String> digests = new TreeMap<>();
    for (Path file : files(site)) {
      try {
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
        digests.put(site.relativize(file).toString(), HexFormat.of().formatHex(hash));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (java.security.NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }
    return digests;
  }

  static List<Path> files(Path site) {
    try (Stream<Path> walk = Files.walk(site.toRealPath())) {
      Path root = site.toRealPath();
      return walk.filter(Files::isRegularFile)
          .map(f -> site.resolve(root.relativize(f)))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<Path> pages(Path site) {
    return files(site).stream().filter(f -> f.toString().endsWith(".html")).toList();
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
