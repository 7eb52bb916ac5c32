package cn.qingtian.portal.release;

import cn.qingtian.portal.messages.UserMessages;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A published release: immutable, identified by its content hash, with its version and time from
 * the package metadata (decision D4, docs/decisions/0004-releases.md). {@link #NONE} stands for
 * "nothing published yet".
 *
 * @param publishedAt the time the package states (its {@code created}), an RFC 3339 instant
 * @param committedAt when the release was committed to this database, an RFC 3339 instant in whole
 *     seconds, later than every release before it: the date of HTTP {@code Last-Modified}, the
 *     feeds and the catalogue's {@code dct:modified} (D19), which must move whenever the content
 *     does, even when a corrected package keeps its stated date
 */
public record Release(
    int number,
    String version,
    String publishedAt,
    String contentHash,
    String packageName,
    @Nullable String note,
    List<TableChange> changes,
    String committedAt) {

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
          UserMessages.get("release.none"),
          List.of(),
          "1970-01-01T00:00:00Z");

  /** {@link #committedAt} as an instant. */
  public Instant committed() {
    return Instant.parse(committedAt);
  }
}
