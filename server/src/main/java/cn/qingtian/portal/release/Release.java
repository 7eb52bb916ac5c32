package cn.qingtian.portal.release;

import cn.qingtian.portal.dataset.TableChange;
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
