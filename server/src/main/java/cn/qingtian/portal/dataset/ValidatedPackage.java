package cn.qingtian.portal.dataset;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One or more data packages whose every table passed validation together, ready to import as one
 * release. Tables of the same name from several packages (the plan and the demo package) are
 * merged. The release's name and version name every package: {@code 1.1.0+demo.1.0.0}.
 */
public record ValidatedPackage(List<DataPackage> descriptors, List<Table> tables) {

  public String name() {
    return descriptors.stream().map(DataPackage::name).collect(Collectors.joining("+"));
  }

  public String version() {
    String main = descriptors.get(0).version();
    String extras =
        descriptors.stream()
            .skip(1)
            .map(d -> "+" + shortName(d) + "." + d.version())
            .collect(Collectors.joining());
    return main + extras;
  }

  /** The newest of the packages' own creation times: never the clock (decision D4). */
  public Instant created() {
    return descriptors.stream()
        .map(DataPackage::created)
        .max(Comparator.naturalOrder())
        .orElseThrow();
  }

  private static String shortName(DataPackage descriptor) {
    return descriptor.directory().getFileName().toString().replaceAll("[^0-9A-Za-z-]", "-");
  }
}
