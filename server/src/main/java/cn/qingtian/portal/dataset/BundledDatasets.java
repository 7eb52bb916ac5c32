package cn.qingtian.portal.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.util.FileSystemUtils;

/**
 * Finds the bundled data packages: in a configured folder, in {@code datasets} under the working
 * directory or its parent (so {@code ./mvnw -pl server spring-boot:run} and a checkout both work),
 * or else the copy packed into the jar, unpacked to a temporary folder.
 */
final class BundledDatasets {

  static final String ROOT = "datasets";
  static final String PLAN = "qingtian";
  static final String DEMO = "demo";

  private BundledDatasets() {}

  /** The package folders to import together; close it to remove a copy unpacked from the jar. */
  record Located(List<Path> packages, Path root, boolean unpacked) implements AutoCloseable {

    @Override
    public void close() throws IOException {
      if (unpacked) {
        FileSystemUtils.deleteRecursively(root);
      }
    }
  }

  static Located locate(DatasetProperties properties) {
    if (properties.directory() != null) {
      return located(properties.directory(), properties.demo(), false);
    }
    for (Path candidate : List.of(Path.of(ROOT), Path.of("..", ROOT))) {
      if (Files.isRegularFile(candidate.resolve(PLAN).resolve(DataPackage.DESCRIPTOR))) {
        return located(candidate.toAbsolutePath().normalize(), properties.demo(), false);
      }
    }
    return located(unpackFromClasspath(), properties.demo(), true);
  }

  private static Located located(Path root, boolean demo, boolean unpacked) {
    List<Path> packages = new ArrayList<>(List.of(root.resolve(PLAN)));
    if (demo) {
      packages.add(root.resolve(DEMO));
    }
    return new Located(List.copyOf(packages), root, unpacked);
  }

  private static Path unpackFromClasspath() {
    try {
      Path target = Files.createTempDirectory("portal-datasets");
      var resolver = new PathMatchingResourcePatternResolver();
      for (Resource resource : resolver.getResources("classpath*:" + ROOT + "/**")) {
        String url = resource.getURL().toString();
        if (!resource.isReadable() || url.endsWith("/")) {
          continue;
        }
        String relative = url.substring(url.lastIndexOf(ROOT + "/") + ROOT.length() + 1);
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
