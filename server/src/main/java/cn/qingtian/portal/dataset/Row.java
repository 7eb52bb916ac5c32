package cn.qingtian.portal.dataset;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A typed row of a table, with its spreadsheet row number (the header is row 1). Values are {@code
 * String}, {@code Long}, {@code BigDecimal}, {@code LocalDate}, {@code Boolean} or null, in the
 * order of the schema's fields.
 */
public record Row(int number, List<@Nullable Object> values) {

  public @Nullable Object get(int index) {
    return values.get(index);
  }
}
