package cn.qingtian.portal.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.util.FileSystemUtils;

/**
 * Finds the bundled data package: a configured folder, {@code datasets/qingtian} under the working
 * directory or its parent (so {@code ./mvnw -pl server spring-boot:run} and a checkout both work),
 * or else the copy packed into the jar, unpacked to a temporary folder.
 */
final class BundledDatasets {

  static final String PACKAGE = "datasets/qingtian";

  private BundledDatasets() {}

  /** The package folder; close it to remove a copy unpacked from the jar. */
  record Located(Path directory, boolean unpacked) implements AutoCloseable {

    @Override
    public void close() throws IOException {
      if (unpacked) {
        FileSystemUtils.deleteRecursively(directory);
      }
    }
  }

  static Located locate(DatasetProperties properties) {
    if (properties.directory() != null) {
      return new Located(properties.directory(), false);
    }
    for (Path candidate : List.of(Path.of(PACKAGE), Path.of("..", PACKAGE))) {
      if (Files.isRegularFile(candidate.resolve(DataPackage.DESCRIPTOR))) {
        return new Located(candidate.toAbsolutePath().normalize(), false);
      }
    }
    return new Located(unpackFromClasspath(), true);
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
