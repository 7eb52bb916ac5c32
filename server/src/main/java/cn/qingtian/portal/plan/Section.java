package cn.qingtian.portal.plan;

import cn.qingtian.portal.api.GlobalId;
import cn.qingtian.portal.api.LocalizedText;
import org.jspecify.annotations.Nullable;

/** A section of a plan's implementation paths. */
public record Section(
    String planCode, String code, int number, LocalizedText titleText, @Nullable String intro) {

  public String id() {
    return GlobalId.of("Section", planCode, code);
  }
}
