package cn.qingtian.portal.download;

import cn.qingtian.portal.dataset.Field;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * RFC 4180 CSV in UTF-8: a header row of field names, CRLF line ends, quotes only where a value
 * holds a comma, quote or line break. The Excel variant starts with a UTF-8 byte order mark,
 * without which Excel on Chinese Windows reads UTF-8 as GBK (CKAN's {@code ?bom=true}). A text
 * value that starts like a formula is written with a leading apostrophe ({@link
 * TableWriter#neutralized}); numbers, dates and booleans are written as they are.
 */
final class CsvTableWriter implements TableWriter {

  private final Writer writer;

  CsvTableWriter(OutputStream out, List<Field> fields, boolean byteOrderMark) throws IOException {
    this.writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    if (byteOrderMark) {
      writer.write('\uFEFF');
    }
    row(List.copyOf(fields.stream().map(Field::name).toList()));
  }

  @Override
  public void row(List<@Nullable Object> values) throws IOException {
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        writer.write(',');
      }
      field(text(values.get(i)));
    }
    writer.write("\r\n");
  }

  private void field(String value) throws IOException {
    if (!needsQuotes(value)) {
      writer.write(value);
      return;
    }
    writer.write('"');
    writer.write(value.replace("\"", "\"\""));
    writer.write('"');
  }

  private static boolean needsQuotes(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == ',' || c == '"' || c == '\n' || c == '\r') {
        return true;
      }
    }
    return false;
  }

  static String text(@Nullable Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof String string) {
      return TableWriter.neutralized(string);
    }
    return value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString();
  }

  @Override
  public void close() throws IOException {
    writer.flush();
  }
}
