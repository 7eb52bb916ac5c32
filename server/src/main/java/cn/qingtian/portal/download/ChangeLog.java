package cn.qingtian.portal.download;

import cn.qingtian.portal.release.Release;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The rows a release added, changed and removed, table by table, as CSV: {@code table, change,
 * key_fields, key}. A row is changed when the release closed one version of its key and opened
 * another, added when it only opened one, removed when it only closed one. Rows are streamed in key
 * order, so the log of a large table takes constant memory.
 */
final class ChangeLog {

  private ChangeLog() {}

  static void write(
      Connection connection, Release release, List<DatasetFiles> datasets, OutputStream out)
      throws IOException, SQLException {
    BufferedWriter writer =
        new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    CsvTableWriter.line(writer, List.of("table", "change", "key_fields", "key"));
    for (DatasetFiles dataset : datasets) {
      List<String> key = dataset.resource().schema().primaryKey();
      if (!key.isEmpty()) {
        writeTable(connection, release.number(), dataset.resource().name(), key, writer);
      }
    }
    writer.flush();
  }

  /**
   * Tells the rows of one table apart as they come in key order: a key closed and opened again is
   * changed, one only opened is added, one only closed is removed.
   */
  private static final class Rows {
    private final String table;
    private final String keyFields;
    private final Writer writer;
    private @Nullable String closedKey;

    Rows(String table, String keyFields, Writer writer) {
      this.table = table;
      this.keyFields = keyFields;
      this.writer = writer;
    }

    void next(String key, boolean opened) throws IOException {
      if (opened && key.equals(closedKey)) {
        print("changed", key);
        closedKey = null;
        return;
      }
      finish();
      if (opened) {
        print("added", key);
      } else {
        closedKey = key;
      }
    }

    /** Prints the last key closed and not opened again, if any. */
    void finish() throws IOException {
      if (closedKey != null) {
        print("removed", closedKey);
        closedKey = null;
      }
    }

    private void print(String change, String key) throws IOException {
      CsvTableWriter.line(writer, List.of(table, change, keyFields, key));
    }
  }

  private static void writeTable(
      Connection connection, int release, String table, List<String> key, Writer writer)
      throws SQLException, IOException {
    String columns =
        key.stream()
            .map(k -> "t." + TableExport.identifier(k) + "::text")
            .collect(Collectors.joining(", "));
    String sql =
        "select concat_ws(' | ', "
            + columns
            + "), t.valid_from = "
            + release
            + " from "
            + TableExport.identifier(table)
            + " t where t.valid_from = "
            + release
            + " or t.valid_to = "
            + release
            + " order by "
            + columns
            + ", t.valid_from";
    Rows rows = new Rows(table, String.join(" | ", key), writer);
    TableExport.query(
        connection, sql, result -> rows.next(result.getString(1), result.getBoolean(2)));
    rows.finish();
  }
}
