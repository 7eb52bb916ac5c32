package cn.qingtian.portal.indicator;

import cn.qingtian.portal.api.GlobalId;
import cn.qingtian.portal.api.LocalizedText;
import org.jspecify.annotations.Nullable;

/** A place with an administrative division code: the county, its city and province, townships. */
public record Geography(
    String code, LocalizedText nameText, GeographyLevel level, @Nullable String parentCode) {

  public String id() {
    return GlobalId.of("Geography", code);
  }
}
