package cn.qingtian.portal.dataset;

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
              "找不到数据包描述文件 " + descriptor,
              "data package descriptor not found: " + descriptor));
      return null;
    }
    try {
      JsonNode root = JSON.readTree(Files.readString(descriptor));
      return parse(directory, root, problems);
    } catch (JacksonException e) {
      var location = e.getLocation();
      problems.add(
          new Problem(
              DataPackage.DESCRIPTOR,
              location == null ? 0 : location.getLineNr(),
              location == null ? 0 : location.getColumnNr(),
              "JSON 格式错误：" + e.getOriginalMessage(),
              "invalid JSON: " + e.getOriginalMessage()));
    } catch (IOException | IllegalArgumentException e) {
      problems.add(
          new Problem(
              DataPackage.DESCRIPTOR,
              0,
              0,
              "无法读取数据包描述：" + e.getMessage(),
              "cannot read the package descriptor: " + e.getMessage()));
    }
    return null;
  }

  private static @Nullable DataPackage parse(
      Path directory, JsonNode root, List<Problem> problems) {
    String name = text(root, "name");
    String version = text(root, "version");
    String created = text(root, "created");
    if (name == null || version == null || created == null) {
      problems.add(
          descriptorProblem(
              "数据包必须有 name、version 和 created（版本与时间来自元数据，而非当前时钟）",
              "the package needs name, version and created (a release takes its version and time"
                  + " from the metadata, never from the clock)"));
      return null;
    }
    Instant createdAt;
    try {
      createdAt = Instant.parse(created);
    } catch (DateTimeParseException e) {
      problems.add(
          descriptorProblem(
              "created 不是 ISO 8601 时间：" + created,
              "created is not an ISO 8601 instant: " + created));
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
    return value == null || value.isNull() ? null : value.asString();
  }

  private static String require(JsonNode node, String name) {
    String value = text(node, name);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("missing \"" + name + "\" in " + node);
    }
    return value;
  }

  private static Problem descriptorProblem(String zh, String en) {
    return new Problem(DataPackage.DESCRIPTOR, 0, 0, zh, en);
  }
}
