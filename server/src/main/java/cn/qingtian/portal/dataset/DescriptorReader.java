package cn.qingtian.portal.dataset;

import cn.qingtian.portal.messages.UserMessages;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads {@code datapackage.json} into a {@link DataPackage}, reporting what it cannot read. */
public final class DescriptorReader {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private DescriptorReader() {}

  /** Returns the package, or empty with the reasons added to {@code problems}. */
  static @Nullable DataPackage read(Path directory, List<Problem> problems) {
    Path descriptor = directory.resolve(DataPackage.DESCRIPTOR);
    if (!Files.isRegularFile(descriptor)) {
      problems.add(
          new Problem(
              DataPackage.DESCRIPTOR,
              0,
              0,
              UserMessages.get("dataset.descriptor.missing.zh", descriptor),
              UserMessages.get("dataset.descriptor.missing.en", descriptor)));
      return null;
    }
    try {
      String text = utf8(descriptor, problems);
      if (text == null) {
        return null;
      }
      JsonNode root = JSON.readTree(text);
      controlCharacters(root, "", problems);
      return parse(directory, root, problems);
    } catch (JacksonException e) {
      var location = e.getLocation();
      problems.add(
          new Problem(
              DataPackage.DESCRIPTOR,
              location == null ? 0 : location.getLineNr(),
              location == null ? 0 : location.getColumnNr(),
              UserMessages.get("dataset.descriptor.json.zh", e.getOriginalMessage()),
              UserMessages.get("dataset.descriptor.json.en", e.getOriginalMessage())));
    } catch (IOException | IllegalArgumentException e) {
      problems.add(
          new Problem(
              DataPackage.DESCRIPTOR,
              0,
              0,
              UserMessages.get("dataset.descriptor.unreadable.zh", e.getMessage()),
              UserMessages.get("dataset.descriptor.unreadable.en", e.getMessage())));
    }
    return null;
  }

  /** The descriptor's text, strictly UTF-8 (a leading BOM skipped), or null with the problem. */
  private static @Nullable String utf8(Path descriptor, List<Problem> problems) throws IOException {
    byte[] bytes = Files.readAllBytes(descriptor);
    int start =
        bytes.length >= 3
                && (bytes[0] & 0xff) == 0xef
                && (bytes[1] & 0xff) == 0xbb
                && (bytes[2] & 0xff) == 0xbf
            ? 3
            : 0;
    try {
      return java.nio.charset.StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
          .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(bytes, start, bytes.length - start))
          .toString();
    } catch (java.nio.charset.CharacterCodingException e) {
      int row = 1;
      int column = 1;
      var in = java.nio.ByteBuffer.wrap(bytes, start, bytes.length - start);
      var decoded = java.nio.CharBuffer.allocate(bytes.length);
      java.nio.charset.StandardCharsets.UTF_8.newDecoder().decode(in, decoded, true);
      decoded.flip();
      for (int i = 0; i < decoded.length(); i++) {
        if (decoded.charAt(i) == '\n') {
          row++;
          column = 1;
        } else {
          column++;
        }
      }
      problems.add(
          new Problem(
              DataPackage.DESCRIPTOR,
              row,
              column,
              UserMessages.get("dataset.descriptor.notUtf8.zh", in.position() + 1),
              UserMessages.get("dataset.descriptor.notUtf8.en", in.position())));
      return null;
    }
  }

  private static @Nullable DataPackage parse(
      Path directory, JsonNode root, List<Problem> problems) {
    String name = text(root, "name");
    String version = text(root, "version");
    String created = text(root, "created");
    if (name == null || version == null || created == null) {
      problems.add(
          descriptorProblem(
              UserMessages.get("dataset.descriptor.metadata.zh"),
              UserMessages.get("dataset.descriptor.metadata.en")));
      return null;
    }
    Instant createdAt;
    try {
      createdAt = Instant.parse(created);
    } catch (DateTimeParseException e) {
      problems.add(
          descriptorProblem(
              UserMessages.get("dataset.descriptor.created.zh", created),
              UserMessages.get("dataset.descriptor.created.en", created)));
      return null;
    }
    List<Resource> resources = new ArrayList<>();
    for (JsonNode resource : root.path("resources")) {
      resources.add(resource(resource));
    }
    return new DataPackage(directory, name, version, createdAt, List.copyOf(resources));
  }

  /** A resource as a descriptor (or a release's stored copy of one) describes it. */
  public static Resource resource(JsonNode node) {
    String name = require(node, "name");
    String path = require(node, "path");
    JsonNode schema = node.path("schema");
    List<Field> fields = new ArrayList<>();
    for (JsonNode field : schema.path("fields")) {
      fields.add(field(field));
    }
    List<String> missingValues =
        schema.has("missingValues") ? strings(schema.path("missingValues")) : List.of("");
    List<List<String>> uniqueKeys = new ArrayList<>();
    for (JsonNode key : schema.path("uniqueKeys")) {
      uniqueKeys.add(strings(key));
    }
    List<ForeignKey> foreignKeys = new ArrayList<>();
    for (JsonNode fk : schema.path("foreignKeys")) {
      JsonNode reference = fk.path("reference");
      foreignKeys.add(
          new ForeignKey(
              strings(fk.path("fields")),
              reference.path("resource").asString(""),
              strings(reference.path("fields"))));
    }
    String title = node.path("title").asString(name);
    return new Resource(
        name,
        path,
        title,
        node.path("description").asString(""),
        new TableSchema(
            List.copyOf(fields),
            strings(schema.path("primaryKey")),
            List.copyOf(uniqueKeys),
            List.copyOf(foreignKeys),
            missingValues),
        "private".equals(node.path("access").asString("")));
  }

  private static Field field(JsonNode node) {
    JsonNode constraints = node.path("constraints");
    String patternText = text(constraints, "pattern");
    Pattern pattern;
    try {
      pattern = patternText == null ? null : Pattern.compile(patternText);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException("invalid pattern " + patternText, e);
    }
    return new Field(
        require(node, "name"),
        FieldType.of(node.path("type").asString("string")),
        constraints.path("required").asBoolean(false),
        constraints.path("unique").asBoolean(false),
        constraints.has("enum") ? strings(constraints.path("enum")) : null,
        pattern,
        decimal(constraints, "minimum"),
        decimal(constraints, "maximum"),
        constraints.has("maxLength") ? constraints.path("maxLength").asInt() : null);
  }

  private static @Nullable BigDecimal decimal(JsonNode node, String name) {
    return node.has(name) ? new BigDecimal(node.path(name).asString()) : null;
  }

  private static List<String> strings(JsonNode array) {
    if (array.isString()) {
      return List.of(array.asString());
    }
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asString()));
    return List.copyOf(values);
  }

  private static @Nullable String text(JsonNode node, String name) {
    JsonNode value = node.get(name);
    if (value != null && value.isContainer()) {
      // Jackson's own words for this name its internals ("'ArrayNode' method asString()...").
      throw new IllegalArgumentException(
          "\""
              + name
              + "\" must be a text value, not "
              + (value.isArray() ? "an array" : "an object"));
    }
    return value == null || value.isNull() ? null : value.asString();
  }

  private static String require(JsonNode node, String name) {
    String value = text(node, name);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("missing \"" + name + "\" in " + node);
    }
    return value;
  }

  /**
   * Reports every string of the descriptor (titles, descriptions, names...) that holds a control
   * character other than tab, CR and LF, with its JSON path: as in the tables' cells, such a
   * character is invisible, some spreadsheets split on it, and XML cannot hold it (titles reach the
   * XLSX "about" sheet and the DCAT catalogue).
   */
  private static void controlCharacters(JsonNode node, String path, List<Problem> problems) {
    if (node.isString()) {
      String value = node.asString();
      int at = PackageValidator.controlCharacter(value);
      if (at >= 0) {
        String code = String.format("U+%04X", (int) value.charAt(at));
        String where = path.isEmpty() ? "/" : path;
        problems.add(
            descriptorProblem(
                UserMessages.get("dataset.descriptor.control.zh", where, at + 1, code),
                UserMessages.get("dataset.descriptor.control.en", where, at + 1, code)));
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        controlCharacters(node.get(i), path + "/" + i, problems);
      }
    } else if (node.isObject()) {
      for (var property : node.properties()) {
        controlCharacters(property.getValue(), path + "/" + property.getKey(), problems);
      }
    }
  }

  private static Problem descriptorProblem(String zh, String en) {
    return new Problem(DataPackage.DESCRIPTOR, 0, 0, zh, en);
  }
}
