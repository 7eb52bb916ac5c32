package cn.qingtian.portal.achievement;

import cn.qingtian.portal.api.GlobalId;
import cn.qingtian.portal.api.LocalizedText;
import cn.qingtian.portal.indicator.Provenance;
import java.util.List;
import java.util.Objects;

/**
 * An achievement: what was delivered in a year (reported on {@code date}), for which measures and
 * by which departments, with its quantitative outputs, provenance and source (decision D6).
 */
public record Achievement(
    String code,
    int year,
    String date,
    LocalizedText titleText,
    LocalizedText summaryText,
    List<MeasureRef> measures,
    List<String> departmentCodes,
    List<AchievementOutput> outputs,
    Provenance provenance,
    String sourceCode) {

  public String id() {
    return GlobalId.of("Achievement", code);
  }

  /** The target groups it serves: those of its measures. */
  List<String> targetGroupCodes() {
    return measures.stream()
        .map(MeasureRef::targetGroup)
        .filter(Objects::nonNull)
        .distinct()
        .toList();
  }

  /** Newest first, then by code: the order of timelines and feeds. */
  String sortKey() {
    return "%08d|%s".formatted(99_991_231 - Integer.parseInt(date.replace("-", "")), code);
  }

  /** A measure an achievement serves, with the target group of that measure (if any). */
  public record MeasureRef(
      String plan, String code, @org.jspecify.annotations.Nullable String targetGroup) {}
}
