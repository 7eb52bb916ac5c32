package cn.qingtian.portal.dataset;

import java.util.List;
import java.util.Locale;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a resource back as a Frictionless descriptor, the inverse of {@link DescriptorReader}: a
 * release keeps the descriptors it was imported with, and its downloads describe their tables with
 * them.
 */
public final class DescriptorWriter {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private DescriptorWriter() {}

  public static ObjectNode resource(Resource resource) {
    ObjectNode node = JSON.createObjectNode();
    node.put("name", resource.name());
    node.put("path", resource.path());
    node.put("title", resource.title());
    if (!resource.description().isEmpty()) {
      node.put("description", resource.description());
    }
    if (resource.privateData()) {
      node.put("access", "private");
    }
    node.set("schema", schema(resource.schema()));
    return node;
  }

  public static ObjectNode schema(TableSchema schema) {
    ObjectNode node = JSON.createObjectNode();
    ArrayNode fields = node.putArray("fields");
    schema.fields().forEach(field -> fields.add(field(field)));
    strings(node.putArray("missingValues"), schema.missingValues());
    if (!schema.primaryKey().isEmpty()) {
      strings(node.putArray("primaryKey"), schema.primaryKey());
    }
    if (!schema.uniqueKeys().isEmpty()) {
      ArrayNode keys = node.putArray("uniqueKeys");
      schema.uniqueKeys().forEach(key -> strings(keys.addArray(), key));
    }
    if (!schema.foreignKeys().isEmpty()) {
      ArrayNode keys = node.putArray("foreignKeys");
      for (ForeignKey key : schema.foreignKeys()) {
        ObjectNode fk = keys.addObject();
        strings(fk.putArray("fields"), key.fields());
        ObjectNode reference = fk.putObject("reference");
        reference.put("resource", key.resource());
        strings(reference.putArray("fields"), key.referencedFields());
      }
    }
    return node;
  }

  private static ObjectNode field(Field field) {
    ObjectNode node = JSON.createObjectNode();
    node.put("name", field.name());
    node.put("type", field.type().name().toLowerCase(Locale.ROOT));
    ObjectNode constraints = JSON.createObjectNode();
    if (field.required()) {
      constraints.put("required", true);
    }
    if (field.unique()) {
      constraints.put("unique", true);
    }
    if (field.enumValues() != null) {
      strings(constraints.putArray("enum"), field.enumValues());
    }
    if (field.pattern() != null) {
      constraints.put("pattern", field.pattern().pattern());
    }
    if (field.minimum() != null) {
      constraints.put("minimum", field.minimum());
    }
    if (field.maximum() != null) {
      constraints.put("maximum", field.maximum());
    }
    if (field.maxLength() != null) {
      constraints.put("maxLength", field.maxLength());
    }
    if (!constraints.isEmpty()) {
      node.set("constraints", constraints);
    }
    return node;
  }

  private static void strings(ArrayNode array, List<String> values) {
    values.forEach(array::add);
  }
}
