package cn.qingtian.portal.dataset;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A typed row of a table, with the file and spreadsheet row number it was read from (the header is
 * row 1). Values are {@code String}, {@code Long}, {@code BigDecimal}, {@code LocalDate}, {@code
 * Boolean} or null, in the order of the schema's fields.
 */
public record Row(String file, int number, List<@Nullable Object> values) {

  public @Nullable Object get(int index) {
    return values.get(index);
  }
}
