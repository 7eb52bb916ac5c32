package cn.qingtian.portal.demo;

/**
 * How a demo series is meant to end: the progress ratio R it is built to show and its last observed
 * year (decision D8, docs/decisions/0008-time-and-final-evaluation.md: some series end in 2023 or
 * 2024).
 */
enum Scenario {
  ACHIEVED_2025(Double.NaN, 2025),
  ON_TRACK_2024(1.15, 2024),
  MODERATE_2024(0.78, 2024),
  LIMITED_2023(0.30, 2023),
  DETERIORATION_2024(-0.40, 2024),
  NO_DATA(Double.NaN, 0),
  ON_TRACK_2023(1.20, 2023),
  MISSED_2025(0.70, 2025),
  MODERATE_2023(0.75, 2023),
  ACHIEVED_2024(Double.NaN, 2024),
  LIMITED_2024(0.35, 2024);

  private final double ratio;
  private final int lastYear;

  Scenario(double ratio, int lastYear) {
    this.ratio = ratio;
    this.lastYear = lastYear;
  }

  double ratio() {
    return ratio;
  }

  int lastYear() {
    return lastYear;
  }

  boolean achieves() {
    return this == ACHIEVED_2025 || this == ACHIEVED_2024;
  }

  /** The scenario of the i-th quantified indicator: a fixed cycle, so every status appears. */
  static Scenario nth(int index) {
    return values()[index % values().length];
  }
}
