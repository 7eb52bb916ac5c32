package cn.qingtian.portal.release;

import cn.qingtian.portal.dataset.TableChange;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A published release: immutable, identified by its content hash, with its version and time from
 * the package metadata (decision D4). {@link #NONE} stands for "nothing published yet".
 */
public record Release(
    int number,
    String version,
    String publishedAt,
    String contentHash,
    String packageName,
    @Nullable String note,
    List<TableChange> changes) {

  /**
   * The release's stated date: the day of {@link #publishedAt}, which comes from the package
   * metadata (D4, D19), as written there (UTC), never from the wall clock.
   */
  public LocalDate date() {
    return LocalDate.ofInstant(Instant.parse(publishedAt), ZoneOffset.UTC);
  }

  /** The key of the release a request reads, in its GraphQL context. */
  public static final String CONTEXT_KEY = "release";

  public static final Release NONE =
      new Release(
          0,
          "none",
          "1970-01-01T00:00:00Z",
          "",
          "",
          "尚未发布任何数据版本 / no release has been published yet",
          List.of());
}
