package cn.qingtian.portal.dataset;

import cn.qingtian.portal.release.TableChange;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The outcome of an import, with what it changed (or would change, on a dry run). */
public record ImportResult(
    Outcome outcome, @Nullable Integer release, String contentHash, List<TableChange> changes) {

  /** How an import ended. */
  public enum Outcome {
    /** A new release was published. */
    PUBLISHED,
    /** The content equals the current release: nothing was written (decision D4). */
    UNCHANGED,
    /** Nothing was written on purpose ({@code --dry-run}). */
    DRY_RUN
  }
}
