package cn.qingtian.portal.dataset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/** A writable copy of the bundled data package, for tests that break or change it. */
public final class PackageFixture {

  public static final Path BUNDLED =
      Path.of("..", "datasets", "qingtian").toAbsolutePath().normalize();

  /** The bundled demo package, imported together with the plan by default. */
  public static final Path DEMO = Path.of("..", "datasets", "demo").toAbsolutePath().normalize();

  private final Path directory;

  private PackageFixture(Path directory) {
    this.directory = directory;
  }

  public static PackageFixture copyOfBundled(Path parent) {
    return copy(BUNDLED, parent.resolve("package"));
  }

  /** A writable copy of the demo package, in a folder named {@code demo} as the bundled one. */
  public static PackageFixture copyOfDemo(Path parent) {
    return copy(DEMO, parent.resolve("demo"));
  }

  private static PackageFixture copy(Path from, Path target) {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path source : files.toList()) {
        Path copy = target.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(copy);
        } else {
          Files.copy(source, copy);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new PackageFixture(target);
  }

  public Path directory() {
    return directory;
  }

  /** Replaces the first occurrence of {@code from} in a file. */
  public PackageFixture replace(String file, String from, String to) {
    return edit(
        file,
        text -> {
          if (!text.contains(from)) {
            throw new IllegalArgumentException(file + " does not contain " + from);
          }
          return text.replaceFirst(
              java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to));
        });
  }

  public PackageFixture appendLine(String file, String line) {
    return edit(file, text -> text + line + "\n");
  }

  public PackageFixture version(String version) {
    return edit(
        "datapackage.json",
        text -> text.replaceFirst("\"version\": \"[^\"]*\"", "\"version\": \"" + version + "\""));
  }

  public PackageFixture edit(String file, UnaryOperator<String> change) {
    Path path = directory.resolve(file);
    try {
      Files.writeString(path, change.apply(Files.readString(path, StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  public PackageFixture reencode(String file, Charset charset) {
    Path path = directory.resolve(file);
    try {
      Files.write(path, Files.readString(path, StandardCharsets.UTF_8).getBytes(charset));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }
}
