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
   * A text cell as spreadsheets should show it: one that starts like a formula gets a leading
   * apostrophe, so Excel, LibreOffice and Google Sheets show it as text instead of running it. Only
   * text cells pass through here; numbers are never altered ({@code -3.5} stays {@code -3.5}). The
   * importer refuses such text (the validator's formula rule), so this is defence in depth.
   */
  static String neutralized(String text) {
    return !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
  }

  void row(List<@Nullable Object> values) throws IOException;

  /** Completes the file; the writer does not close the stream it was given. */
  @Override
  void close() throws IOException;
}
