package cn.qingtian.portal.disclosure;

/**
 * Fixed, non-overlapping brackets of annual household disposable income with edges at 0, 10, 20, 50
 * and 60 万元 (docs/decisions/methods.md §2). The plan's overlapping brackets are unions of these:
 * 10–50万 = {@link #FROM_10_TO_20} + {@link #FROM_20_TO_50}; 20–60万 = {@link #FROM_20_TO_50} +
 * {@link #FROM_50_TO_60}. Lower edges are inclusive.
 */
public enum IncomeBracket {
  UNDER_10(0, 100_000),
  FROM_10_TO_20(100_000, 200_000),
  FROM_20_TO_50(200_000, 500_000),
  FROM_50_TO_60(500_000, 600_000),
  FROM_60(600_000, Long.MAX_VALUE);

  private final long from;
  private final long below;

  IncomeBracket(long from, long below) {
    this.from = from;
    this.below = below;
  }

  public static IncomeBracket of(long income) {
    for (IncomeBracket bracket : values()) {
      if (income < bracket.below) {
        return bracket;
      }
    }
    return FROM_60;
  }

  public long from() {
    return from;
  }

  /** The upper edge (excluded); {@link Long#MAX_VALUE} for the top bracket. */
  public long below() {
    return below;
  }
}
