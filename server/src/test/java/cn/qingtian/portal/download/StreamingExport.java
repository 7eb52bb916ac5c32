package cn.qingtian.portal.download;

import cn.qingtian.portal.dataset.Field;
import cn.qingtian.portal.dataset.FieldType;
import cn.qingtian.portal.dataset.Resource;
import cn.qingtian.portal.dataset.TableSchema;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;

/**
 * Run in a JVM of its own with a small heap by {@link StreamingExportTest}: exports a large table
 * with PostgreSQL's {@code COPY … TO STDOUT (FORMAT csv)} (the anchor), then as CSV, JSON and XLSX
 * through the portal's own export code, and prints, per format, the bytes written, the time taken
 * and the peak heap used. Arguments: JDBC URL, user, output folder.
 */
public final class StreamingExport {

  static final String TABLE = "stress_observations";

  static final Resource RESOURCE =
      new Resource(
          TABLE,
          TABLE + ".csv",
          "压力测试 / Stress test",
          "",
          new TableSchema(
              List.of(
                  field("indicator", FieldType.STRING),
                  field("geography", FieldType.STRING),
                  field("period", FieldType.STRING),
                  field("disaggregation", FieldType.STRING),
                  field("value", FieldType.NUMBER),
                  field("unit_zh", FieldType.STRING),
                  field("status", FieldType.STRING),
                  field("provenance", FieldType.STRING),
                  field("source", FieldType.STRING),
                  field("footnote_zh", FieldType.STRING),
                  field("footnote_en", FieldType.STRING)),
              List.of("indicator", "geography", "period", "disaggregation"),
              List.of(),
              List.of(),
              List.of("")),
          false);

  private StreamingExport() {}

  public static void main(String[] args) throws Exception {
    Path out = Files.createDirectories(Path.of(args[2]));
    try (Connection connection = DriverManager.getConnection(args[0], args[1], null)) {
      TableMetadata metadata =
          new TableMetadata(
              TABLE,
              "t",
              "d",
              "1",
              "2026-11-29T00:00:00Z",
              "l",
              "p",
              true,
              0,
              RESOURCE.schema().fields());
      for (String format : List.of("copy", "csv", "json", "xlsx")) {
        System.gc();
        resetPeaks();
        Path file = out.resolve(TABLE + "." + format);
        long start = System.nanoTime();
        long rows;
        try (OutputStream stream = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
          if (format.equals("copy")) {
            rows = copy(connection, stream);
            stream.flush();
            System.out.printf(
                "RESULT %s rows=%d bytes=%d millis=%d peakHeapMb=%d%n",
                format,
                rows,
                Files.size(file),
                (System.nanoTime() - start) / 1_000_000,
                peakHeap() / (1024 * 1024));
            continue;
          }
          TableWriter writer =
              switch (format) {
                case "csv" -> new CsvTableWriter(stream, metadata.fields(), false);
                case "json" -> new JsonTableWriter(stream, metadata);
                default -> new XlsxTableWriter(stream, metadata);
              };
          rows = TableExport.stream(connection, RESOURCE, 1, List.of(writer));
          writer.close();
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf(
            "RESULT %s rows=%d bytes=%d millis=%d peakHeapMb=%d%n",
            format, rows, Files.size(file), millis, peakHeap() / (1024 * 1024));
      }
    }
  }

  /** The anchor: PostgreSQL's own CSV export of the same rows, in the same order. */
  private static long copy(Connection connection, OutputStream out) throws Exception {
    String columns =
        RESOURCE.schema().fieldNames().stream().collect(java.util.stream.Collectors.joining(", "));
    return connection
        .unwrap(org.postgresql.PGConnection.class)
        .getCopyAPI()
        .copyOut(
            "copy (select "
                + columns
                + " from "
                + TABLE
                + " order by indicator, geography, period, disaggregation) to stdout with (format"
                + " csv, header)",
            out);
  }

  private static Field field(String name, FieldType type) {
    return new Field(name, type, false, false, null, null, null, null, null);
  }

  private static void resetPeaks() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      pool.resetPeakUsage();
    }
  }

  private static long peakHeap() {
    return ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(pool -> pool.getType() == MemoryType.HEAP)
        .mapToLong(pool -> pool.getPeakUsage().getUsed())
        .sum();
  }
}
