package cn.qingtian.portal.download;

import cn.qingtian.portal.dataset.FormulaCells;
import java.io.IOException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Writes one table in one format, a row at a time, so a table of any size takes constant memory.
 * Values are typed as the table's fields say: String, Long, BigDecimal, Boolean or LocalDate.
 */
interface TableWriter extends AutoCloseable {

  /**
   * A text cell as spreadsheets should show it: a leading apostrophe at the start of every cell a
   * spreadsheet could run as a formula ({@link FormulaCells#neutralized}: at the start or after any
   * separator, the sign ASCII or fullwidth, behind spaces or invisible characters or not), so
   * Excel, LibreOffice and Google Sheets show it as text however they split the line. Only text
   * cells pass through here; numbers are never altered ({@code -3.5} stays {@code -3.5}). The
   * importer refuses such text by the same rule, so this is defence in depth for text that reached
   * the database another way.
   */
  static String neutralized(String text) {
    return FormulaCells.neutralized(text);
  }

  /**
   * Whether a CSV field must be quoted: it holds a quote or any character some spreadsheet splits
   * cells or rows on ({@link FormulaCells#SEPARATORS}), so that a spreadsheet splitting on {@code
   * ;}, tab, {@code |} or a rarer line end still reads one cell.
   */
  static boolean needsQuotes(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"' || FormulaCells.isSeparator(c)) {
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
