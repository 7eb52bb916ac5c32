package cn.qingtian.portal.dataset;

import org.jspecify.annotations.Nullable;

/**
 * Where text would start a spreadsheet formula: the one rule the importer refuses text by and every
 * download writer neutralizes text by (OWASP's CSV injection guidance), so the two cannot drift.
 *
 * <p>A cell starts at the beginning of the text and right after any {@linkplain #isSeparator
 * separator}. Its content is run as a formula when, after the characters spreadsheets trim or do
 * not show ({@linkplain #isInvisible invisible}) and at most one opening quote, it begins with a
 * {@linkplain #isSign sign}. Text that begins with a tab or a carriage return is also a formula
 * start, as OWASP lists them.
 */
public final class FormulaCells {

  /**
   * The signs that start a formula: {@code = + - @} and their fullwidth forms {@code ＝ ＋ － ＠}
   * (U+FF1D, U+FF0B, U+FF0D, U+FF20) and small forms (U+FE66, U+FE62, U+FE63, U+FE6B), which Excel
   * and LibreOffice with East Asian input convert to the ASCII sign when a cell is entered.
   */
  public static final String SIGNS = "=+-@＝＋－＠﹦﹢﹣﹫";

  /**
   * The characters some spreadsheet splits a line into cells, or text into rows, on: the comma and,
   * where it is the locale's list separator, the semicolon (Excel and LibreOffice open CSV split on
   * them); tab and {@code |} (text import and paste); CR and LF; and the other line and record ends
   * text importers and Unicode know — vertical tab, form feed, the information separators U+001C to
   * U+001F, NEL U+0085, and the line and paragraph separators U+2028 and U+2029
   * (docs/reliability.md, second-round finding E: the first round knew only {@code , ; | tab CR
   * LF}).
   */
  public static final String SEPARATORS =
      ",;\t|\r\n\u000B\u000C\u001C\u001D\u001E\u001F\u0085\u2028\u2029";

  /** A cell that would run: where it starts and where its sign is. */
  public record Formula(int cell, int sign) {}

  private FormulaCells() {}

  public static boolean isSign(char c) {
    return SIGNS.indexOf(c) >= 0;
  }

  public static boolean isSeparator(char c) {
    return SEPARATORS.indexOf(c) >= 0;
  }

  /**
   * Whether a spreadsheet trims or hides {@code c} before a cell's content, so a sign behind it
   * still starts a formula: spaces (ASCII, NBSP U+00A0, ideographic U+3000 and every other Unicode
   * space), format characters (zero-width space, joiners, word joiner, BOM and so on) and the soft
   * hyphen. Separators are not: they start a cell of their own.
   */
  public static boolean isInvisible(char c) {
    return !isSeparator(c)
        && (Character.isWhitespace(c)
            || Character.isSpaceChar(c)
            || Character.getType(c) == Character.FORMAT
            || c == '\u00AD');
  }

  /**
   * Whether {@code c} is a control character that has no place in text: any of Unicode's category
   * Cc (U+0000–U+001F, U+007F–U+009F) except tab, CR and LF.
   */
  public static boolean isForbiddenControl(char c) {
    return Character.getType(c) == Character.CONTROL && c != '\t' && c != '\r' && c != '\n';
  }

  /** The first cell of {@code text} at or after {@code from} that would run, or null. */
  public static @Nullable Formula next(String text, int from) {
    for (int cell = from; cell < text.length(); cell++) {
      if (cell > 0 && !isSeparator(text.charAt(cell - 1))) {
        continue;
      }
      if (cell == 0 && (text.charAt(0) == '\t' || text.charAt(0) == '\r')) {
        return new Formula(0, 0);
      }
      int sign = signOf(text, cell);
      if (sign >= 0) {
        return new Formula(cell, sign);
      }
    }
    return null;
  }

  /** The first cell of {@code text} that would run, or null. */
  public static @Nullable Formula first(String text) {
    return next(text, 0);
  }

  /** The index of the sign the cell at {@code cell} starts with, or -1. */
  private static int signOf(String text, int cell) {
    boolean quote = false;
    for (int i = cell; i < text.length(); i++) {
      char c = text.charAt(i);
      if (isSign(c)) {
        return i;
      }
      if (c == '"' && !quote) {
        quote = true;
      } else if (!isInvisible(c)) {
        return -1;
      }
    }
    return -1;
  }

  /**
   * The text with a single quote put at the start of every cell that would run, as OWASP
   * recommends, so Excel, LibreOffice and Google Sheets show it as text however they split the
   * line; text with no such cell is returned as it is. The quote goes before any space or invisible
   * character, as the first character of the cell, since a spreadsheet that trims them would
   * otherwise still meet the sign first.
   */
  public static String neutralized(String text) {
    Formula formula = first(text);
    if (formula == null) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length() + 4);
    int copied = 0;
    while (formula != null) {
      out.append(text, copied, formula.cell()).append('\'');
      copied = formula.cell();
      formula = next(text, formula.sign() + 1);
    }
    return out.append(text, copied, text.length()).toString();
  }

  /**
   * A character as a diagnostic names it where it would not be seen: {@code \t \r \n} as escapes,
   * other control, format, separator and non-ASCII space characters as their code point, e.g.
   * {@code <U+200B>}.
   */
  public static String visible(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\t' -> out.append("\\t");
        case '\r' -> out.append("\\r");
        case '\n' -> out.append("\\n");
        default -> {
          if (c != ' ' && (isInvisible(c) || isSeparator(c) && c > '~' || isForbiddenControl(c))) {
            out.append(String.format("<U+%04X>", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }
}
