package cn.qingtian.portal.download;

import java.io.IOException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Writes one table in one format, a row at a time, so a table of any size takes constant memory.
 * Values are typed as the table's fields say: String, Long, BigDecimal, Boolean or LocalDate.
 */
interface TableWriter extends AutoCloseable {

  /**
   * The characters that make a spreadsheet read a cell as a formula (OWASP's CSV injection
   * guidance): {@code = + - @}, tab and carriage return.
   */
  String FORMULA_STARTS = "=+-@\t\r";

  /**
   * The characters spreadsheets split a line into cells on (finding 13b of issue 21): Excel and
   * LibreOffice Calc open a CSV split on the comma or, where it is the locale's list separator, the
   * semicolon; text import and paste also split on tab and {@code |}; a line break starts a row.
   * Google Sheets detects any of them. Text holding one is always quoted in a CSV, and a formula
   * start right after one is neutralized like one at the start.
   */
  String CELL_SEPARATORS = ",;\t|\r\n";

  /**
   * A text cell as spreadsheets should show it: a leading apostrophe before every place a cell
   * could start like a formula (the start, or right after a separator, optionally after a quote),
   * so Excel, LibreOffice and Google Sheets show it as text instead of running it, however they
   * split the line. Only text cells pass through here; numbers are never altered ({@code -3.5}
   * stays {@code -3.5}). The importer refuses such text (the validator's formula rule), so this is
   * defence in depth for text that reached the database another way.
   */
  static String neutralized(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean cellStart = i == 0 || CELL_SEPARATORS.indexOf(text.charAt(i - 1)) >= 0;
      if (!cellStart && i >= 2 && text.charAt(i - 1) == '"') {
        cellStart = CELL_SEPARATORS.indexOf(text.charAt(i - 2)) >= 0;
      }
      boolean formula =
          cellStart && (i == 0 ? FORMULA_STARTS.indexOf(c) >= 0 : "=+-@".indexOf(c) >= 0);
      if (formula && out == null) {
        out = new StringBuilder(text.length() + 4).append(text, 0, i);
      }
      if (out != null) {
        if (formula) {
          out.append('\'');
        }
        out.append(c);
      }
    }
    return out == null ? text : out.toString();
  }

  /**
   * Whether a CSV field must be quoted: it holds a quote, a line break or any cell separator, so
   * that a spreadsheet splitting on {@code ;}, tab or {@code |} still reads one cell.
   */
  static boolean needsQuotes(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"' || CELL_SEPARATORS.indexOf(c) >= 0) {
        return true;
      }
    }
    return false;
  }

  void row(List<@Nullable Object> values) throws IOException;

  /** Completes the file; the writer does not close the stream it was given. */
  @Override
  void close() throws IOException;
}
