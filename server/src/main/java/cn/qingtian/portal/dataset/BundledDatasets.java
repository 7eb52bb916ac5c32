package cn.qingtian.portal.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Finds the bundled data package: a configured folder, {@code datasets/qingtian} under the working
 * directory or its parent (so {@code ./mvnw -pl server spring-boot:run} and a checkout both work),
 * or else the copy packed into the jar, unpacked to a temporary folder.
 */
final class BundledDatasets {

  static final String PACKAGE = "datasets/qingtian";

  private BundledDatasets() {}

  static Path locate(DatasetProperties properties) {
    if (properties.directory() != null) {
      return properties.directory();
    }
    for (Path candidate : List.of(Path.of(PACKAGE), Path.of("..", PACKAGE))) {
      if (Files.isRegularFile(candidate.resolve(DataPackage.DESCRIPTOR))) {
        return candidate.toAbsolutePath().normalize();
      }
    }
    return unpackFromClasspath();
  }

  private static Path unpackFromClasspath() {
    try {
      Path target = Files.createTempDirectory("portal-datasets");
      var resolver = new PathMatchingResourcePatternResolver();
      for (Resource resource : resolver.getResources("classpath*:" + PACKAGE + "/**")) {
        if (!resource.isReadable()) {
          continue;
        }
        String url = resource.getURL().toString();
        String relative = url.substring(url.lastIndexOf(PACKAGE) + PACKAGE.length() + 1);
        Path file = target.resolve(relative).normalize();
        if (!file.startsWith(target)) {
          continue;
        }
        Files.createDirectories(file.getParent());
        try (InputStream in = resource.getInputStream()) {
          Files.copy(in, file);
        }
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot unpack the bundled datasets", e);
    }
  }
}
