package cn.qingtian.portal.plan;

import cn.qingtian.portal.api.GlobalId;
import cn.qingtian.portal.api.LocalizedText;
import cn.qingtian.portal.architecture.FeatureInterface;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A responsible unit named in a plan. */
@FeatureInterface
public record Department(
    String code,
    LocalizedText nameText,
    @Nullable String fullName,
    String kind,
    List<String> aliases) {

  public String id() {
    return GlobalId.of("Department", code);
  }

  String sortKey() {
    return code;
  }
}
