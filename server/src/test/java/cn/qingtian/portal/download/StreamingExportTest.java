package cn.qingtian.portal.download;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qingtian.portal.LongTest;
import cn.qingtian.portal.TestDatabases;
import cn.qingtian.portal.database.DatabaseAddress;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A table of 1,000,000 observations, generated in PostgreSQL at test time, is exported as CSV, JSON
 * and XLSX by a JVM whose heap is capped at 128 MB: the export streams from a database cursor to
 * the file, so it completes, and each format's peak heap stays under the cap.
 */
@LongTest
class StreamingExportTest {

  private static final int ROWS = 1_000_000;
  private static final Pattern RESULT =
      Pattern.compile("RESULT (\\w+) rows=(\\d+) bytes=(\\d+) millis=(\\d+) peakHeapMb=(\\d+)");

  @TempDir Path temp;

  @Test
  void aMillionObservationsExportInEveryFormatWithinA128MbHeap() throws Exception {
    DatabaseAddress address = DatabaseAddress.parse(TestDatabases.newDatabaseUrl());
    try (Connection connection =
            DriverManager.getConnection(address.jdbcUrl(), address.username(), address.password());
        Statement statement = connection.createStatement()) {
      statement.execute(
          "create table "
              + StreamingExport.TABLE
              + " (indicator text, geography text, period text, disaggregation text, value"
              + " numeric, unit_zh text, status text, provenance text, source text, footnote_zh"
              + " text, footnote_en text, valid_from int, valid_to int, row_hash text)");
      statement.execute(
          "insert into "
              + StreamingExport.TABLE
              + " select 'INDICATOR_' || (i % 100), '331121', (2000 + i / 100 % 26)::text || '-Q'"
              + " || (1 + i / 2600 % 4), 'T' || (i / 10400), round((random() * 100000)::numeric,"
              + " 2), '元', 'FINAL', 'DEMO', 'DEMO_GENERATOR', '演示数据：合成，非真实统计', 'DEMO:"
              + " synthetic, not a real statistic', 1, null, md5(i::text) from generate_series(0, "
              + (ROWS - 1)
              + ") i");
    }

    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m",
                "-XX:+UseSerialGC",
                "-cp",
                System.getProperty("java.class.path"),
                StreamingExport.class.getName(),
                address.jdbcUrl(),
                address.username(),
                temp.toString())
            .redirectErrorStream(true)
            .start();
    String output = read(child.getInputStream());
    assertThat(child.waitFor(10, TimeUnit.MINUTES)).isTrue();
    assertThat(child.exitValue()).as(output).isZero();

    List<String> formats = new ArrayList<>();
    Matcher result = RESULT.matcher(output);
    while (result.find()) {
      formats.add(result.group(1));
      long bytes = Long.parseLong(result.group(3));
      long millis = Long.parseLong(result.group(4));
      assertThat(Long.parseLong(result.group(2))).isEqualTo(ROWS);
      assertThat(Long.parseLong(result.group(5))).as(result.group()).isLessThan(128);
      assertThat(bytes).isGreaterThan(ROWS * 20L);
      System.out.printf(
          "streaming export %s: %d rows, %.1f MB in %d ms = %.1f MB/s, peak heap %s MB%n",
          result.group(1),
          ROWS,
          bytes / 1e6,
          millis,
          bytes / 1e3 / Math.max(1, millis),
          result.group(5));
    }
    assertThat(formats).containsExactly("copy", "csv", "json", "xlsx");
  }

  private static String read(InputStream in) throws Exception {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    in.transferTo(buffer);
    return buffer.toString(StandardCharsets.UTF_8);
  }
}
