package cn.qingtian.portal.indicator;

import org.jspecify.annotations.Nullable;

/**
 * One value an observation had, from the release that published it until the one that replaced or
 * removed it (null while it is current, in the release asked about).
 */
public record ObservationRevision(
    String key,
    double value,
    String status,
    Provenance provenance,
    String sourceCode,
    String publishedIn,
    @Nullable String replacedIn) {

  /** What identifies an observation across releases. */
  static String keyOf(String indicator, String geography, String period, String disaggregation) {
    return indicator + "\u0000" + geography + "\u0000" + period + "\u0000" + disaggregation;
  }

  static String keyOf(Observation observation) {
    return keyOf(
        observation.indicatorCode(),
        observation.geography(),
        observation.period().code(),
        observation.disaggregation());
  }
}
