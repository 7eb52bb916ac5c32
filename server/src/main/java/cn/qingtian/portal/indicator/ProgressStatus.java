package cn.qingtian.portal.indicator;

/**
 * Progress toward a target, from the least to the most favourable (decisions D2, D8, D27 in
 * docs/decisions/): a target met before its target year is observed ({@code ACHIEVED_AHEAD},
 * provisional) ranks above one on track and below one finally achieved. The two "cannot say"
 * statuses come last and count only when nothing else can be said.
 */
public enum ProgressStatus {
  NOT_ACHIEVED,
  DETERIORATION,
  LIMITED,
  MODERATE,
  ON_TRACK,
  ACHIEVED_AHEAD,
  TARGET_ACHIEVED,
  INSUFFICIENT_DATA,
  NOT_ASSESSABLE;

  public boolean isJudged() {
    return this != INSUFFICIENT_DATA && this != NOT_ASSESSABLE;
  }

  /** The least favourable judged status; a "cannot say" status only if none is judged. */
  public static ProgressStatus leastFavourable(Iterable<ProgressStatus> statuses) {
    ProgressStatus least = null;
    boolean anyInsufficient = false;
    for (ProgressStatus status : statuses) {
      if (status.isJudged()) {
        least = least == null || status.compareTo(least) < 0 ? status : least;
      } else if (status == INSUFFICIENT_DATA) {
        anyInsufficient = true;
      }
    }
    if (least != null) {
      return least;
    }
    return anyInsufficient ? INSUFFICIENT_DATA : NOT_ASSESSABLE;
  }
}
