package cn.qingtian.portal.download;

import cn.qingtian.portal.dataset.Resource;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One dataset of a release (one public table) with the files written for it.
 *
 * @param id the dataset's name in URLs: the table name with hyphens
 * @param rows the number of data rows
 * @param demo whether any row is synthetic DEMO data (its provenance column says which)
 * @param temporalStart first year the data covers (for a table without a time column, the first
 *     year of the release's plans), or null if unknown
 * @param temporalEnd last year the data covers (likewise), or null if unknown
 * @param annual whether the table has a year or period column, so it is updated yearly
 */
public record DatasetFiles(
    String id,
    Resource resource,
    long rows,
    boolean demo,
    @Nullable Integer temporalStart,
    @Nullable Integer temporalEnd,
    boolean annual,
    List<DownloadFile> files) {

  /** The dataset of a table: {@code charity_grants} is {@code charity-grants}. */
  public static String idOf(String table) {
    return table.replace('_', '-');
  }

  public Optional<DownloadFile> file(String name) {
    return files.stream().filter(f -> f.name().equals(name)).findFirst();
  }
}
