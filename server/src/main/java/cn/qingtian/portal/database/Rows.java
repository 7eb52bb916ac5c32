package cn.qingtian.portal.database;

import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;

/**
 * Reading the columns of an R2DBC row, with one rule for SQL {@code NULL}: it reads as Java {@code
 * null}, never as {@code ""} or 0. A missing value stays visibly missing; a caller that shows
 * something else for it says so where it reads the column.
 */
public final class Rows {

  private Rows() {}

  /** The text in {@code column}; {@code null} where the column is SQL {@code NULL}. */
  public static @Nullable String string(Readable row, String column) {
    return row.get(column, String.class);
  }
}
