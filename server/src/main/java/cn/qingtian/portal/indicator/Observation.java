package cn.qingtian.portal.indicator;

import cn.qingtian.portal.architecture.FeatureInterface;
import org.jspecify.annotations.Nullable;

/** An observed value of an indicator for a geography and period, with its provenance and source. */
@FeatureInterface
public record Observation(
    String indicatorCode,
    String geography,
    Period period,
    String disaggregation,
    double value,
    String unit,
    String status,
    Provenance provenance,
    String sourceCode,
    @Nullable String footnoteZh,
    @Nullable String footnoteEn) {

  /** The total ({@code _T}) of a series, as opposed to an urban, rural or township part. */
  public static final String TOTAL = "_T";

  public int year() {
    return period.year();
  }

  /** The footnote in the language asked for, falling back to Chinese (decision D10). */
  public @Nullable String footnote(cn.qingtian.portal.api.Lang lang) {
    return lang == cn.qingtian.portal.api.Lang.EN && footnoteEn != null ? footnoteEn : footnoteZh;
  }
}
