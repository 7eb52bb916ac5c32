package cn.qingtian.portal.plan;

import cn.qingtian.portal.api.GlobalId;
import cn.qingtian.portal.api.LocalizedText;
import cn.qingtian.portal.architecture.FeatureInterface;

/**
 * An area of a plan's main objectives: {@code A0} is the headline paragraph (decision D1,
 * docs/decisions/0001-plan-structure-and-codes.md).
 */
@FeatureInterface
public record Area(String planCode, String code, int number, LocalizedText titleText, String text) {

  public String id() {
    return GlobalId.of("Area", planCode, code);
  }
}
