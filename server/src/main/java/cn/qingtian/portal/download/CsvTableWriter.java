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
 * holds a quote, a line break or a separator some spreadsheet splits on ({@code , ; | tab}). The
 * Excel variant starts with a UTF-8 byte order mark, without which Excel on Chinese Windows reads
 * UTF-8 as GBK (CKAN's {@code ?bom=true}). A text value that starts like a formula is written with
 * a leading apostrophe ({@link TableWriter#neutralized}), and so does one after a separator;
 * numbers, dates and booleans are written as they are.
 *
 * <p>Ours rather than commons-csv's printer because it is faster where it counts: the full export
 * took 4.59 s instead of 5.28 s (docs/performance.md, "Exports").
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
    field(writer, value);
  }

  /**
   * Writes one field, quoted when it holds a quote, a line break or any separator a spreadsheet may
   * split on ({@link TableWriter#needsQuotes}).
   */
  static void field(Writer writer, String value) throws IOException {
    if (!TableWriter.needsQuotes(value)) {
      writer.write(value);
      return;
    }
    writer.write('"');
    writer.write(value.replace("\"", "\"\""));
    writer.write('"');
  }

  /**
   * One line of text fields, each neutralized ({@link TableWriter#neutralized}) and quoted where
   * needed, ending in CRLF: for the release's own CSV files (change log, revisions).
   */
  static void line(Writer writer, List<@Nullable String> fields) throws IOException {
    line(writer, fields, -1);
  }

  /** {@link #line(Writer, List)} with the field at {@code number} a number, written as it is. */
  static void line(Writer writer, List<@Nullable String> fields, int number) throws IOException {
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        writer.write(',');
      }
      String value = fields.get(i);
      field(writer, value == null ? "" : i == number ? value : TableWriter.neutralized(value));
    }
    writer.write("\r\n");
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
