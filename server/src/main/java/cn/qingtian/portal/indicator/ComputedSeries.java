package cn.qingtian.portal.indicator;

import reactor.core.publisher.Flux;

/**
 * Observations computed from another table of the same release instead of typed in (an indicator's
 * {@code computed_from}), such as the yearly count of charity organizations.
 */
public interface ComputedSeries {

  /** The {@code computed_from} value this series answers. */
  String computedFrom();

  /** The series for an indicator of a plan covering {@code geography} and these years. */
  Flux<Observation> observations(
      int release, String indicatorCode, String geography, int firstYear, int lastYear);
}
