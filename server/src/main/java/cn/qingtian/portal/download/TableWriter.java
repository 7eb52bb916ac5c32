package cn.qingtian.portal.download;

import java.io.IOException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Writes one table in one format, a row at a time, so a table of any size takes constant memory.
 * Values are typed as the table's fields say: String, Long, BigDecimal, Boolean or LocalDate.
 */
interface TableWriter extends AutoCloseable {

  void row(List<@Nullable Object> values) throws IOException;

  /** Completes the file; the writer does not close the stream it was given. */
  @Override
  void close() throws IOException;
}
