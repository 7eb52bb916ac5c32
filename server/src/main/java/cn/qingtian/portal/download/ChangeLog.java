package cn.qingtian.portal.download;

import cn.qingtian.portal.release.Release;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

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
    CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180);
    printer.printRecord("table", "change", "key_fields", "key");
    for (DatasetFiles dataset : datasets) {
      List<String> key = dataset.resource().schema().primaryKey();
      if (!key.isEmpty()) {
        writeTable(connection, release.number(), dataset.resource().name(), key, printer);
      }
    }
    printer.flush();
    writer.flush();
  }

  private static void writeTable(
      Connection connection, int release, String table, List<String> key, CSVPrinter printer)
      throws SQLException, IOException {
    String columns =
        key.stream()
            .map(k -> "t." + TableExport.identifier(k) + "::text")
            .collect(Collectors.joining(", "));
    String sql =
        "select concat_ws(' | ', "
            + columns
            + "), t.valid_from = ? from "
            + TableExport.identifier(table)
            + " t where t.valid_from = ? or t.valid_to = ? order by "
            + columns
            + ", t.valid_from";
    String keyFields = String.join(" | ", key);
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setFetchSize(TableExport.FETCH_SIZE);
      statement.setInt(1, release);
      statement.setInt(2, release);
      statement.setInt(3, release);
      try (ResultSet result = statement.executeQuery()) {
        String pending = null;
        boolean closed = false;
        while (result.next()) {
          String rowKey = result.getString(1);
          boolean opened = result.getBoolean(2);
          if (opened && closed && rowKey.equals(pending)) {
            printer.printRecord(table, "changed", keyFields, rowKey);
            pending = null;
            closed = false;
            continue;
          }
          if (pending != null && closed) {
            printer.printRecord(table, "removed", keyFields, pending);
          }
          if (opened) {
            printer.printRecord(table, "added", keyFields, rowKey);
            pending = null;
            closed = false;
          } else {
            pending = rowKey;
            closed = true;
          }
        }
        if (pending != null && closed) {
          printer.printRecord(table, "removed", keyFields, pending);
        }
      }
    } finally {
      connection.commit();
      connection.setAutoCommit(autoCommit);
    }
  }
}
