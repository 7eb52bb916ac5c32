package cn.qingtian.portal.plan;

import cn.qingtian.portal.api.GlobalId;
import cn.qingtian.portal.api.LocalizedText;
import cn.qingtian.portal.architecture.FeatureInterface;
import org.jspecify.annotations.Nullable;

/**
 * An indicator: what is measured. It carries one or more targets (decision D2,
 * docs/decisions/0002-indicators-and-targets.md).
 */
@FeatureInterface
public record Indicator(
    String code,
    String planCode,
    int number,
    LocalizedText nameText,
    LocalizedText definitionText,
    @Nullable String scope,
    LocalizedText unitText,
    String frequency,
    @Nullable String statisticalUnitCode,
    @Nullable String areaCode,
    @Nullable String measureCode) {

  public String id() {
    return GlobalId.of("Indicator", code);
  }

  String sortKey() {
    return "%s|%04d|%s".formatted(planCode, number, code);
  }
}
