package cn.qingtian.portal.plan;

import cn.qingtian.portal.api.GlobalId;
import cn.qingtian.portal.api.LocalizedText;
import cn.qingtian.portal.architecture.FeatureInterface;

/** A target group of one of a plan's incentive plans. */
@FeatureInterface
public record TargetGroup(
    String planCode, String code, int number, LocalizedText titleText, LocalizedText groupText) {

  public String id() {
    return GlobalId.of("TargetGroup", planCode, code);
  }
}
