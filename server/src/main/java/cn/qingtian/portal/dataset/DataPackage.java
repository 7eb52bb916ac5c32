package cn.qingtian.portal.dataset;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A Frictionless data package on disk: its descriptor ({@code datapackage.json}) and the folder its
 * resource paths are relative to.
 */
public record DataPackage(
    Path directory, String name, String version, Instant created, List<Resource> resources) {

  public static final String DESCRIPTOR = "datapackage.json";

  public Optional<Resource> resource(String resourceName) {
    return resources.stream().filter(r -> r.name().equals(resourceName)).findFirst();
  }
}
