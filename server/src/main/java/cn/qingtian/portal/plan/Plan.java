package cn.qingtian.portal.plan;

import cn.qingtian.portal.api.GlobalId;
import cn.qingtian.portal.api.LocalizedText;
import cn.qingtian.portal.architecture.FeatureInterface;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** An action plan; the model is generic, so province, city and county plans live side by side. */
@FeatureInterface
public record Plan(
    String code,
    LocalizedText titleText,
    @Nullable String documentNumber,
    List<LocalizedText> issuersText,
    @Nullable String issueDate,
    int periodStart,
    int periodEnd,
    PlanLevel level,
    String geography) {

  public String id() {
    return GlobalId.of("Plan", code);
  }
}
