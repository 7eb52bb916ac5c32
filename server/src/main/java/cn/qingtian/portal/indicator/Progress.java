package cn.qingtian.portal.indicator;

import cn.qingtian.portal.api.LocalizedText;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The assessment of one target: its status with the reason, the figures behind it and a one-line
 * summary in both languages. Its provenance is the weakest of the observations it used (D6).
 *
 * @param ratio the progress ratio the status was read from (see docs/methodology.md)
 * @param observedRate the observed annual rate of change, as a fraction (0.032 = 3.2 %)
 * @param requiredRate the annual change still needed from the latest value: a rate for levels, a
 *     count per year for accumulated counts
 * @param projectedValue the value expected in the target year at the observed rate
 */
public record Progress(
    ProgressStatus status,
    LocalizedText reasonText,
    @Nullable Double ratio,
    @Nullable Double observedRate,
    @Nullable Double requiredRate,
    @Nullable Double projectedValue,
    @Nullable Observation baseline,
    @Nullable Observation latest,
    List<PathPoint> targetPath,
    @Nullable Double pathValueAtLatest,
    Provenance provenance,
    LocalizedText summaryText) {

  /** The reason, and the summary written from it, labelled DEMO when the figures are (D25). */
  Progress labelledIfDemo() {
    return provenance != Provenance.DEMO
        ? this
        : with(
            ProgressSummary.labelled(reasonText),
            provenance,
            ProgressSummary.labelled(summaryText));
  }

  Progress withSummary(LocalizedText summary) {
    return with(reasonText, provenance, summary);
  }

  Progress withProvenance(Provenance weakest) {
    return with(reasonText, weakest, summaryText);
  }

  private Progress with(LocalizedText reason, Provenance source, LocalizedText summary) {
    return new Progress(
        status,
        reason,
        ratio,
        observedRate,
        requiredRate,
        projectedValue,
        baseline,
        latest,
        targetPath,
        pathValueAtLatest,
        source,
        summary);
  }
}
