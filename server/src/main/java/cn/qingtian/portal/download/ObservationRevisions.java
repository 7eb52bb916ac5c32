package cn.qingtian.portal.download;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Every value each observation has had up to a release, one row per version: the release that
 * published it and the release that replaced or removed it (empty while it is still current).
 * Statistical revisions stay visible this way (decision D4).
 */
final class ObservationRevisions {

  private static final String SQL =
      """
      select o.indicator, o.geography, o.period, o.disaggregation, o.value, o.unit_zh, o.status,
             o.provenance, o.source, f.version, case when o.valid_to <= :release then t.version end
      from observations o
      join release f on f.id = o.valid_from
      left join release t on t.id = o.valid_to
      where o.valid_from <= :release
      order by o.indicator, o.geography, o.period, o.disaggregation, o.valid_from
      """;

  private ObservationRevisions() {}

  static void write(Connection connection, int release, OutputStream out)
      throws IOException, SQLException {
    BufferedWriter writer =
        new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    CsvTableWriter.line(
        writer,
        List.of(
            "indicator",
            "geography",
            "period",
            "disaggregation",
            "value",
            "unit_zh",
            "status",
            "provenance",
            "source",
            "published_in",
            "replaced_in"));
    TableExport.query(
        connection,
        SQL.replace(":release", Integer.toString(release)),
        result -> {
          List<@Nullable String> fields = new ArrayList<>(11);
          for (int i = 1; i <= 11; i++) {
            fields.add(i == 5 ? CsvTableWriter.text(result.getBigDecimal(i)) : result.getString(i));
          }
          // The value is a number: written as it is, never neutralized.
          CsvTableWriter.line(writer, fields, 4);
        });
    writer.flush();
  }
}
