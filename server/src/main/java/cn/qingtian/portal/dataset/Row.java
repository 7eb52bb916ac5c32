package cn.qingtian.portal.dataset;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A typed row of a table, with the file and spreadsheet row number it was read from (the header is
 * row 1), or the table a step of the {@link DisclosureGate} derived it for. Values are {@code
 * String}, {@code Long}, {@code BigDecimal}, {@code LocalDate}, {@code Boolean} or null, in the
 * order of the schema's fields.
 */
public record Row(String file, int number, List<@Nullable Object> values) {

  private static final String DERIVED = "derived:";

  /** A row the gate derived for a table, numbered as if it were that table's file. */
  public static Row derived(String table, int number, List<@Nullable Object> values) {
    return new Row(DERIVED + table, number, values);
  }

  /** Whether the gate derived this row rather than read it from a package file. */
  public boolean isDerived() {
    return file.startsWith(DERIVED);
  }

  public @Nullable Object get(int index) {
    return values.get(index);
  }
}
