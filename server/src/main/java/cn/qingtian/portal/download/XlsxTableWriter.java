package cn.qingtian.portal.download;

import cn.qingtian.portal.dataset.Field;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.jspecify.annotations.Nullable;

/**
 * A table as an Excel workbook, streamed: a bold, frozen header row, numbers as numbers, dates as
 * dates, and an "about" sheet with the metadata. Strings are written inline, not through the
 * shared-string table, which would hold every distinct string in memory. A table longer than a
 * sheet's {@value #SHEET_ROWS} rows continues on a second sheet, with the header repeated. Text
 * that starts like a formula gets a leading apostrophe ({@link TableWriter#neutralized}), numbers
 * are numbers. No character is lost: one XML cannot hold is written as OOXML's {@code _xHHHH_}
 * escape ({@link #escaped}).
 */
final class XlsxTableWriter implements TableWriter {

  /** Rows an XLSX sheet holds: 1,048,576 including the header. */
  static final int SHEET_ROWS = 1_048_576;

  private static final int FLUSH_EVERY = 1_000;
  private static final Pattern ESCAPE = Pattern.compile("_x[0-9A-Fa-f]{4}_");
  private static final Pattern CREATED =
      Pattern.compile("(<dcterms:created [^>]*>)[^<]*(</dcterms:created>)");

  private final Workbook workbook;
  private final TableMetadata metadata;
  private final int sheetRows;
  private Worksheet sheet;
  private int sheets;
  private int row;

  XlsxTableWriter(OutputStream out, TableMetadata metadata) {
    this(out, metadata, SHEET_ROWS);
  }

  XlsxTableWriter(OutputStream out, TableMetadata metadata, int sheetRows) {
    this.workbook = new Workbook(out, "Qingtian portal", "1.0");
    this.metadata = metadata;
    this.sheetRows = sheetRows;
    this.sheet = newSheet();
  }

  private Worksheet newSheet() {
    sheets++;
    Worksheet next = workbook.newWorksheet(sheets == 1 ? "data" : "data " + sheets);
    List<Field> fields = metadata.fields();
    for (int c = 0; c < fields.size(); c++) {
      next.inlineString(0, c, escaped(fields.get(c).name()));
      next.style(0, c).bold().set();
      next.width(c, Math.max(10, Math.min(40, fields.get(c).name().length() + 4)));
    }
    next.freezePane(0, 1);
    row = 1;
    return next;
  }

  @Override
  public void row(List<@Nullable Object> values) throws IOException {
    if (row == sheetRows) {
      sheet.finish();
      sheet = newSheet();
    }
    for (int c = 0; c < values.size(); c++) {
      write(c, values.get(c));
    }
    row++;
    if (row % FLUSH_EVERY == 0) {
      sheet.flush();
    }
  }

  private void write(int column, @Nullable Object value) {
    if (value == null) {
      return;
    }
    if (value instanceof Long number) {
      sheet.value(row, column, number);
    } else if (value instanceof BigDecimal number) {
      sheet.value(row, column, number);
    } else if (value instanceof Boolean bool) {
      sheet.value(row, column, bool);
    } else if (value instanceof LocalDate date) {
      sheet.value(row, column, date);
      sheet.style(row, column).format("yyyy-mm-dd").set();
    } else {
      sheet.inlineString(row, column, escaped(TableWriter.neutralized(value.toString())));
    }
  }

  /**
   * Text as an XLSX string that keeps every character. fastexcel silently drops characters XML 1.0
   * cannot hold (control characters other than tab, CR and LF, U+FFFE, U+FFFF, unpaired
   * surrogates), so a value lost them without a word (docs/reliability.md, second-round finding E).
   * They are written as OOXML's escape {@code _xHHHH_} (ECMA-376 Part 1, 22.9.2.19 ST_Xstring),
   * which Excel and LibreOffice read back as the character; an underscore that would itself read as
   * such an escape is written as {@code _x005F_}, so text holding {@code _x0041_} keeps it
   * literally. Escaping, not refusing, because the importer already refuses control characters: one
   * that reaches a download came another way, and a download that fails helps no reader.
   */
  static String escaped(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean unpaired =
          Character.isHighSurrogate(c)
                  && (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1)))
              || Character.isLowSurrogate(c)
                  && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)));
      boolean invalid =
          c < 0x20 && c != '\t' && c != '\n' && c != '\r'
              || c == '\uFFFE'
              || c == '\uFFFF'
              || unpaired;
      boolean literalEscape = c == '_' && ESCAPE.matcher(text).region(i, text.length()).lookingAt();
      if ((invalid || literalEscape) && out == null) {
        out = new StringBuilder(text.length() + 8).append(text, 0, i);
      }
      if (out == null) {
        continue;
      }
      if (invalid || literalEscape) {
        out.append(String.format("_x%04X_", (int) c));
      } else {
        out.append(c);
      }
    }
    return out == null ? text : out.toString();
  }

  /**
   * Sets the workbook's creation time to the release's publication time. fastexcel stamps {@code
   * docProps/core.xml} with the wall clock, which made the same release's XLSX (and so its
   * checksum, ETag and {@code SHA256SUMS}) differ from one process to the next: two instances
   * behind a load balancer disagreed. The file is copied entry by entry with fixed entry times.
   */
  static void createdAt(Path file, String publishedAt) throws IOException {
    String created = Instant.parse(publishedAt).toString();
    Path copy = file.resolveSibling(file.getFileName() + ".dated");
    // Read through the central directory: fastexcel's local headers do not state entry sizes.
    try (ZipFile in = new ZipFile(file.toFile());
        ZipOutputStream out =
            new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(copy)))) {
      for (ZipEntry entry : Collections.list(in.entries())) {
        out.putNextEntry(ReleaseExport.zipEntry(entry.getName()));
        try (InputStream content = in.getInputStream(entry)) {
          if (entry.getName().equals("docProps/core.xml")) {
            String xml = new String(content.readAllBytes(), StandardCharsets.UTF_8);
            out.write(
                CREATED
                    .matcher(xml)
                    .replaceFirst("$1" + created + "$2")
                    .getBytes(StandardCharsets.UTF_8));
          } else {
            content.transferTo(out);
          }
        }
        out.closeEntry();
      }
    }
    Files.move(copy, file, StandardCopyOption.REPLACE_EXISTING);
  }

  @Override
  public void close() throws IOException {
    sheet.finish();
    Worksheet about = workbook.newWorksheet("about");
    String[][] lines = {
      {"dataset", metadata.dataset()},
      {"title", metadata.title()},
      {"description", metadata.description()},
      {"release", metadata.release()},
      {"published", metadata.publishedAt()},
      {"license", metadata.license()},
      {"publisher", metadata.publisher()},
      {"rows", Long.toString(metadata.rows())},
      {"demo", metadata.demo() ? TableMetadata.DEMO_NOTE : "no DEMO data"},
    };
    for (int r = 0; r < lines.length; r++) {
      about.inlineString(r, 0, lines[r][0]);
      about.style(r, 0).bold().set();
      // Titles and descriptions come from the package's descriptor: input like any cell.
      about.inlineString(r, 1, escaped(TableWriter.neutralized(lines[r][1])));
    }
    about.width(0, 14);
    about.width(1, 100);
    about.finish();
    workbook.finish();
  }
}
