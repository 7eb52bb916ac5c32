package cn.qingtian.portal.dataset;

import cn.qingtian.portal.messages.UserMessages;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads a package's CSV file (RFC 4180) one record at a time, so a file of any size takes memory
 * for one record only, and reports what would otherwise be lost or misread, each at its {@code
 * row:column} (rows count records as a spreadsheet does: the header is row 1, empty lines are
 * skipped):
 *
 * <ul>
 *   <li>a byte that is not UTF-8 (GB18030/GBK and UTF-16 are named), or a NUL character: the file
 *       is not read further;
 *   <li>a quote that is never closed, or text after a closing quote;
 *   <li>a cell longer than {@value #MAX_CELL_CHARS} characters or a row longer than {@value
 *       #MAX_ROW_CHARS}: the rest is skipped, never buffered;
 *   <li>a bare carriage return (CR not followed by LF), which spreadsheets take for a line break
 *       and many editors do not show; it ends the record, as it would in a spreadsheet;
 *   <li>a byte order mark (U+FEFF) anywhere but at the very start of the file, where it is allowed.
 * </ul>
 *
 * LF and CRLF line ends are both accepted, also mixed in one file.
 *
 * <p>Ours rather than a CSV library on purpose: these diagnostics, each at its spreadsheet {@code
 * row:column}, are what a publisher fixes a package by, and a library would have to be wrapped to
 * give them.
 */
final class CsvReader implements Closeable {

  /** The most characters a cell may hold: 64 KiB. */
  static final int MAX_CELL_CHARS = 65_536;

  /** The most characters a row may hold: 1 MiB. */
  static final int MAX_ROW_CHARS = 1_048_576;

  private static final int EOF = -1;

  /** One record: its spreadsheet row number and its cells. */
  record Record(int row, List<String> cells) {}

  private final String file;
  private final Path path;
  private final List<Problem> problems;
  private final Reader reader;
  private final char[] buffer = new char[1 << 14];
  private int position;
  private int limit;
  private int row;
  private boolean failed;
  private boolean bareCrReported;
  private final StringBuilder cell = new StringBuilder();
  private List<String> cells = new ArrayList<>();
  private int rowChars;
  private boolean inRecord;

  private CsvReader(String file, Path path, Reader reader, List<Problem> problems) {
    this.file = file;
    this.path = path;
    this.reader = reader;
    this.problems = problems;
  }

  /** A reader of the file, or null with the problem added when it is UTF-16. */
  static @Nullable CsvReader open(String file, Path path, List<Problem> problems)
      throws IOException {
    if (CsvText.Start.of(path) == CsvText.Start.UTF16_BOM) {
      problems.add(CsvText.utf16(file));
      return null;
    }
    return new CsvReader(file, path, CsvText.open(path), problems);
  }

  /** Whether reading stopped at a problem that leaves the rest of the file unread. */
  boolean failed() {
    return failed;
  }

  /** The next record, or null at the end of the file or after a problem that ends reading it. */
  @Nullable Record next() throws IOException {
    if (failed) {
      return null;
    }
    try {
      return readRecord();
    } catch (CsvText.NotUtf8Exception e) {
      // Between records the bad byte starts the next one.
      problems.add(
          CsvText.notUtf8(
              file, path, inRecord ? row : row + 1, inRecord ? column() : 1, e.offset()));
      failed = true;
      return null;
    } catch (Stop e) {
      failed = true;
      return null;
    }
  }

  private int column() {
    return cells.size() + 1;
  }

  private @Nullable Record readRecord() throws IOException {
    int c = skipEmptyLines();
    if (c == EOF) {
      return null;
    }
    row++;
    inRecord = true;
    cells = new ArrayList<>();
    rowChars = 0;
    while (true) {
      cell.setLength(0);
      c = c == '"' ? quotedCell() : plainCell(c);
      if (rowChars <= MAX_ROW_CHARS) {
        cells.add(cell.toString());
      }
      if (c == ',') {
        countRowChar();
        c = read();
        continue;
      }
      if (c == '\r') {
        if (peek() == '\n') {
          read();
        } else {
          bareCr(row, column() - 1);
        }
      }
      inRecord = false;
      return new Record(row, cells);
    }
  }

  /** Reads past empty lines: the first character of the next record, or EOF. */
  private int skipEmptyLines() throws IOException {
    int c = read();
    while (true) {
      if (c == EOF) {
        return EOF;
      }
      if (c == '\n') {
        c = read();
      } else if (c == '\r') {
        if (peek() == '\n') {
          read();
        } else {
          bareCr(row + 1, 1);
        }
        c = read();
      } else {
        return c;
      }
    }
  }

  /**
   * Reads a quoted cell into {@link #cell}, its opening quote read.
   *
   * @return the character after the cell
   */
  private int quotedCell() throws IOException {
    boolean tooLong = false;
    int c;
    int openedColumn = column();
    int openedRow = row;
    while (true) {
      c = read();
      if (c == EOF) {
        problems.add(
            new Problem(
                file,
                openedRow,
                openedColumn,
                UserMessages.get("dataset.csv.unclosedQuote.zh"),
                UserMessages.get("dataset.csv.unclosedQuote.en")));
        throw new Stop();
      }
      if (c == '"') {
        if (peek() != '"') {
          break;
        }
        read();
      }
      tooLong = append((char) c, tooLong);
      if (!tooLong) {
        bulk(true);
      }
    }
    c = read();
    if (c != ',' && c != '\n' && c != '\r' && c != EOF) {
      problems.add(
          new Problem(
              file,
              row,
              column(),
              UserMessages.get("dataset.csv.afterQuote.zh"),
              UserMessages.get("dataset.csv.afterQuote.en")));
      while (c != ',' && c != '\n' && c != '\r' && c != EOF) {
        c = read();
      }
    }
    return c;
  }

  /**
   * Reads an unquoted cell into {@link #cell} from its first character {@code c}.
   *
   * @return the character after the cell
   */
  private int plainCell(int c) throws IOException {
    boolean tooLong = false;
    while (c != ',' && c != '\n' && c != '\r' && c != EOF) {
      tooLong = append((char) c, tooLong);
      if (!tooLong) {
        bulk(false);
      }
      c = read();
    }
    return c;
  }

  /**
   * Appends the plain characters that follow in the buffer at once, as far as the cell and row
   * limits allow; the character after them goes through {@link #append}.
   */
  private void bulk(boolean quoted) {
    int end =
        Math.min(
            limit, position + Math.min(MAX_CELL_CHARS - cell.length(), MAX_ROW_CHARS - rowChars));
    int run = position;
    while (run < end) {
      char d = buffer[run];
      if (d == '\uFEFF'
          || d == '\u0000'
          || (quoted ? d == '"' : d == ',' || d == '\n' || d == '\r')) {
        break;
      }
      run++;
    }
    cell.append(buffer, position, run - position);
    rowChars += run - position;
    position = run;
  }

  /** Appends a character to the cell unless the cell or row is already too long. */
  private boolean append(char c, boolean tooLong) {
    if (c == '\uFEFF') {
      problems.add(
          new Problem(
              file,
              row,
              column(),
              UserMessages.get("dataset.csv.bom.zh"),
              UserMessages.get("dataset.csv.bom.en")));
      return tooLong;
    }
    if (c == '\u0000') {
      problems.add(
          new Problem(
              file,
              row,
              column(),
              UserMessages.get("dataset.csv.nul.zh"),
              UserMessages.get("dataset.csv.nul.en")));
      throw new Stop();
    }
    if (tooLong || !countRowChar()) {
      return true;
    }
    if (cell.length() == MAX_CELL_CHARS) {
      problems.add(
          new Problem(
              file,
              row,
              column(),
              UserMessages.get("dataset.csv.cellTooLong.zh", MAX_CELL_CHARS),
              UserMessages.get("dataset.csv.cellTooLong.en", MAX_CELL_CHARS)));
      return true;
    }
    cell.append(c);
    return false;
  }

  /** Counts a character of the row; false once the row is too long (reported once). */
  private boolean countRowChar() {
    rowChars++;
    if (rowChars == MAX_ROW_CHARS + 1) {
      problems.add(
          new Problem(
              file,
              row,
              column(),
              UserMessages.get("dataset.csv.rowTooLong.zh", MAX_ROW_CHARS),
              UserMessages.get("dataset.csv.rowTooLong.en", MAX_ROW_CHARS)));
    }
    return rowChars <= MAX_ROW_CHARS;
  }

  private void bareCr(int atRow, int atColumn) {
    if (bareCrReported) {
      return;
    }
    bareCrReported = true;
    problems.add(
        new Problem(
            file,
            atRow,
            atColumn,
            UserMessages.get("dataset.csv.bareCr.zh"),
            UserMessages.get("dataset.csv.bareCr.en")));
  }

  private int read() throws IOException {
    if (position == limit && !fill()) {
      return EOF;
    }
    return buffer[position++];
  }

  private int peek() throws IOException {
    if (position == limit && !fill()) {
      return EOF;
    }
    return buffer[position];
  }

  private boolean fill() throws IOException {
    int n = reader.read(buffer, 0, buffer.length);
    while (n == 0) {
      n = reader.read(buffer, 0, buffer.length);
    }
    position = 0;
    limit = Math.max(n, 0);
    return n > 0;
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }

  /** Ends reading the file after a problem that makes the rest unreadable. */
  private static final class Stop extends RuntimeException {
    Stop() {
      super(null, null, false, false);
    }
  }
}
