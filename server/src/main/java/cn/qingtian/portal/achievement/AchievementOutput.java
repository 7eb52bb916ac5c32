package cn.qingtian.portal.achievement;

import cn.qingtian.portal.api.LocalizedText;
import org.jspecify.annotations.Nullable;

/**
 * A quantitative output of an achievement. When it names an indicator, {@code counts} says whether
 * it counts toward that indicator's targets ({@code PROGRESS}) or is shown beside them only ({@code
 * CONTEXT}, e.g. a figure whose definition differs from the target's).
 */
public record AchievementOutput(
    String achievementCode,
    int seq,
    LocalizedText metricText,
    String comparator,
    double value,
    LocalizedText unitText,
    @Nullable String indicatorCode,
    @Nullable String counts) {

  static final String PROGRESS = "PROGRESS";
}
