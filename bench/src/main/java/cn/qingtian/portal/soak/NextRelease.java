package cn.qingtian.portal.soak;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The release imported under load: a copy of the bundled packages (plan and demo, as the server
 * imports them) in which the first observation of the plan package is one higher and the plan's
 * version is bumped, so the new release differs from the current one in one value that a query, a
 * page and a download can each be checked against.
 *
 * @param packages the folders to import, in the order the server imports them
 * @param oldVersion the release version of the bundled packages
 * @param newVersion the release version of the copy
 * @param probe the changed observation
 */
public record NextRelease(List<Path> packages, String oldVersion, String newVersion, Probe probe) {

  /** The changed observation: its key and its value in the old and the new release. */
  public record Probe(
      String indicator,
      String geography,
      String period,
      String disaggregation,
      BigDecimal oldValue,
      BigDecimal newValue) {

    /** The value a response naming this version must show; null for an unknown version. */
    public BigDecimal expected(NextRelease release, String version) {
      if (version.equals(release.oldVersion())) {
        return oldValue;
      }
      return version.equals(release.newVersion()) ? newValue : null;
    }

    /** The start of the observation's CSV row, up to its value. */
    String csvKey() {
      return indicator + "," + geography + "," + period + "," + disaggregation + ",";
    }
  }

  /** Writes the copy of {@code datasets/qingtian} and {@code datasets/demo} into {@code target}. */
  public static NextRelease write(Path datasets, Path target) {
    try {
      Path plan = copy(datasets.resolve("qingtian"), target.resolve("qingtian"));
      Path demo = copy(datasets.resolve("demo"), target.resolve("demo"));
      Path observations = plan.resolve("observations.csv");
      List<String> lines =
          new ArrayList<>(Files.readAllLines(observations, StandardCharsets.UTF_8));
      String[] cells = lines.get(1).split(",", -1);
      Probe probe =
          new Probe(
              cells[0],
              cells[1],
              cells[2],
              cells[3],
              new BigDecimal(cells[4]),
              new BigDecimal(cells[4]).add(BigDecimal.ONE));
      cells[4] = probe.newValue().toPlainString();
      lines.set(1, String.join(",", cells));
      Files.write(observations, lines, StandardCharsets.UTF_8);
      String planVersion = version(plan);
      String demoVersion = version(demo);
      String bumped = planVersion + "-soak";
      Path descriptor = plan.resolve("datapackage.json");
      Files.writeString(
          descriptor,
          Files.readString(descriptor)
              .replaceFirst("\"version\"\\s*:\\s*\"[^\"]*\"", "\"version\": \"" + bumped + "\""));
      return new NextRelease(
          List.of(plan, demo),
          planVersion + "+demo." + demoVersion,
          bumped + "+demo." + demoVersion,
          probe);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The arguments of the {@code import} command for these packages and that database. */
  public List<String> importArguments(String databaseUrl) {
    List<String> args = new ArrayList<>(List.of("import"));
    packages.forEach(p -> args.add(p.toString()));
    args.addAll(
        List.of(
            "--note",
            "soak: release imported under load",
            "--portal.database.url=" + databaseUrl,
            "--logging.level.root=warn"));
    return args;
  }

  private static String version(Path packageDirectory) throws IOException {
    var matcher =
        java.util.regex.Pattern.compile("\"version\"\\s*:\\s*\"([^\"]*)\"")
            .matcher(Files.readString(packageDirectory.resolve("datapackage.json")));
    if (!matcher.find()) {
      throw new IllegalStateException("no version in " + packageDirectory);
    }
    return matcher.group(1);
  }

  private static Path copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path source : files.toList()) {
        Path copy = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(copy);
        } else {
          Files.copy(source, copy);
        }
      }
    }
    return to;
  }
}
