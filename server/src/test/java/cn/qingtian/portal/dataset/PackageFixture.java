package cn.qingtian.portal.dataset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

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

  /** Drops a field's {@code constraints.enum} from the descriptor: any value then validates. */
  public PackageFixture withoutEnumConstraint(String resource, String field) {
    JsonMapper json = JsonMapper.builder().build();
    return edit(
        DataPackage.DESCRIPTOR,
        text -> {
          JsonNode descriptor = json.readTree(text);
          ((ObjectNode) fieldOf(descriptor, resource, field).path("constraints")).remove("enum");
          return json.writerWithDefaultPrettyPrinter().writeValueAsString(descriptor);
        });
  }

  /** The values a field's {@code constraints.enum} allows in a package's descriptor. */
  public static List<String> enumOf(Path packageDirectory, String resource, String field) {
    JsonNode descriptor;
    try {
      descriptor =
          JsonMapper.builder()
              .build()
              .readTree(Files.readString(packageDirectory.resolve(DataPackage.DESCRIPTOR)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> values = new ArrayList<>();
    fieldOf(descriptor, resource, field)
        .path("constraints")
        .path("enum")
        .forEach(v -> values.add(v.asString()));
    return values;
  }

  private static JsonNode fieldOf(JsonNode descriptor, String resource, String field) {
    for (JsonNode r : descriptor.path("resources")) {
      if (r.path("name").asString().equals(resource)) {
        for (JsonNode f : r.path("schema").path("fields")) {
          if (f.path("name").asString().equals(field)) {
            return f;
          }
        }
      }
    }
    throw new IllegalArgumentException("no field " + resource + "." + field);
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

  /** Replaces the first occurrence of {@code from} (as UTF-8) in a file with raw bytes. */
  public PackageFixture bytes(String file, String from, byte[] to) {
    Path path = directory.resolve(file);
    try {
      byte[] bytes = Files.readAllBytes(path);
      byte[] pattern = from.getBytes(StandardCharsets.UTF_8);
      int at = indexOf(bytes, pattern);
      if (at < 0) {
        throw new IllegalArgumentException(file + " does not contain " + from);
      }
      var out = new java.io.ByteArrayOutputStream();
      out.write(bytes, 0, at);
      out.write(to);
      out.write(bytes, at + pattern.length, bytes.length - at - pattern.length);
      Files.write(path, out.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  private static int indexOf(byte[] bytes, byte[] pattern) {
    outer:
    for (int i = 0; i + pattern.length <= bytes.length; i++) {
      for (int j = 0; j < pattern.length; j++) {
        if (bytes[i + j] != pattern[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  /**
   * Moves departments.csv next to the package folder and leaves a symbolic link to it in its place:
   * a file that is outside the package although its path is not.
   */
  public PackageFixture linkDepartmentsOutside() {
    try {
      Path inside = directory.resolve("departments.csv");
      Path outside = directory.resolveSibling("outside-departments.csv");
      Files.move(inside, outside);
      Files.createSymbolicLink(inside, outside);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  public PackageFixture delete(String file) {
    try {
      Files.delete(directory.resolve(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** A text with every other line ended by CRLF and the others by LF, as after a merge. */
  public static String mixLineEnds(String text) {
    StringBuilder mixed = new StringBuilder(text.length() + text.length() / 40);
    boolean crlf = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        mixed.append(crlf ? "\r\n" : "\n");
        crlf = !crlf;
      } else {
        mixed.append(c);
      }
    }
    return mixed.toString();
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
