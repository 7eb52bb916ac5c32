package cn.qingtian.portal.plan;

import cn.qingtian.portal.api.GlobalId;
import cn.qingtian.portal.api.LocalizedText;
import cn.qingtian.portal.architecture.FeatureInterface;
import org.jspecify.annotations.Nullable;

/** A numbered measure: an implementation path, a target-group incentive or a safeguard. */
@FeatureInterface
public record Measure(
    String planCode,
    String code,
    MeasureKind kind,
    int number,
    @Nullable String sectionCode,
    @Nullable String targetGroupCode,
    LocalizedText titleText,
    LocalizedText summaryText,
    String text) {

  public String id() {
    return GlobalId.of("Measure", planCode, code);
  }

  /** Orders measures as the document does: paths, then group incentives, then safeguards. */
  String sortKey() {
    int kindOrder =
        switch (kind) {
          case PATH -> 1;
          case GROUP -> 2;
          case SAFEGUARD -> 3;
        };
    return "%s|%d|%04d".formatted(planCode, kindOrder, number);
  }
}
