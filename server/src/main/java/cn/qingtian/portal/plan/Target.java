package cn.qingtian.portal.plan;

import cn.qingtian.portal.api.GlobalId;
import cn.qingtian.portal.api.LocalizedText;
import cn.qingtian.portal.architecture.FeatureInterface;
import org.jspecify.annotations.Nullable;

/** A target of an indicator for the plan's target year, of a kind from decision D2. */
@FeatureInterface
public record Target(
    String code,
    String indicatorCode,
    int number,
    TargetKind kind,
    TargetComparator comparator,
    @Nullable Double value,
    @Nullable LocalizedText unitText,
    @Nullable Integer baseYear,
    int targetYear,
    @Nullable String relatedIndicatorCode,
    LocalizedText textText,
    @Nullable LocalizedText unmeasurableReason) {

  public String id() {
    return GlobalId.of("Target", code);
  }

  /** Whether the higher value is the better one: GE/GT/INCREASE, not LE/LT/DECREASE. */
  public boolean higherIsBetter() {
    return comparator.higherIsBetter();
  }
}
