package cn.qingtian.portal.plan;

import cn.qingtian.portal.architecture.FeatureInterface;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Where a target sits in its plan, for progress roll-ups: its indicator's plan, area and measure,
 * the measure's target group and every unit the document lists as responsible for the measure.
 */
@FeatureInterface
public record TargetPlacement(
    String targetCode,
    String indicatorCode,
    String planCode,
    @Nullable String areaCode,
    @Nullable String measureCode,
    @Nullable String targetGroupCode,
    List<String> departmentCodes) {

  /** Whether the document lists the unit among the 责任单位 of the measure this target belongs to. */
  public boolean involves(String departmentCode) {
    return departmentCodes.contains(departmentCode);
  }
}
