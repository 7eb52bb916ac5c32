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
    Path target = parent.resolve("package");
    try (Stream<Path> files = Files.walk(BUNDLED)) {
      for (Path source : files.toList()) {
        Path copy = target.resolve(BUNDLED.relativize(source).toString());
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
