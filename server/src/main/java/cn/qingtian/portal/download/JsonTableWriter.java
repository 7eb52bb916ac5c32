package cn.qingtian.portal.download;

import cn.qingtian.portal.dataset.Field;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * A table as one JSON document: its metadata (release, licence, publisher, DEMO note), its fields
 * and a {@code data} array of one object per row, numbers as JSON numbers. Streamed.
 */
final class JsonTableWriter implements TableWriter {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final JsonGenerator generator;
  private final List<Field> fields;

  JsonTableWriter(OutputStream out, TableMetadata metadata) {
    this.fields = metadata.fields();
    this.generator = JSON.createGenerator(out);
    generator.writeStartObject();
    generator.writeStringProperty("dataset", metadata.dataset());
    generator.writeStringProperty("title", metadata.title());
    generator.writeStringProperty("description", metadata.description());
    generator.writeStringProperty("release", metadata.release());
    generator.writeStringProperty("published", metadata.publishedAt());
    generator.writeStringProperty("license", metadata.license());
    generator.writeStringProperty("publisher", metadata.publisher());
    generator.writeBooleanProperty("containsDemoData", metadata.demo());
    if (metadata.demo()) {
      generator.writeStringProperty("demoNote", TableMetadata.DEMO_NOTE);
    }
    generator.writeNumberProperty("rowCount", metadata.rows());
    generator.writeArrayPropertyStart("fields");
    for (Field field : fields) {
      generator.writeStartObject();
      generator.writeStringProperty("name", field.name());
      generator.writeStringProperty("type", field.type().name().toLowerCase(Locale.ROOT));
      generator.writeEndObject();
    }
    generator.writeEndArray();
    generator.writeArrayPropertyStart("data");
  }

  @Override
  public void row(List<@Nullable Object> values) {
    generator.writeStartObject();
    for (int i = 0; i < fields.size(); i++) {
      generator.writeName(fields.get(i).name());
      write(values.get(i));
    }
    generator.writeEndObject();
  }

  private void write(@Nullable Object value) {
    if (value == null) {
      generator.writeNull();
    } else if (value instanceof Long number) {
      generator.writeNumber(number);
    } else if (value instanceof BigDecimal number) {
      generator.writeNumber(number);
    } else if (value instanceof Boolean bool) {
      generator.writeBoolean(bool);
    } else {
      generator.writeString(value.toString());
    }
  }

  @Override
  public void close() {
    generator.writeEndArray();
    generator.writeEndObject();
    generator.flush();
  }
}
