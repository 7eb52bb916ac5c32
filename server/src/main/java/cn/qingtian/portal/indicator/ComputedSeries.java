package cn.qingtian.portal.indicator;

import cn.qingtian.portal.architecture.FeatureInterface;
import cn.qingtian.portal.dataset.ReleaseTables;
import java.util.List;

/**
 * Observations computed from another table of the same release instead of typed in (an indicator's
 * {@code computed_from}), such as the yearly count of charity organizations. They are computed
 * once, by the disclosure gate while the release is imported ({@link DerivedObservations}), and
 * published in the observations table like typed-in ones, so the API and every download serve the
 * same rows.
 */
@FeatureInterface
public interface ComputedSeries {

  /** The {@code computed_from} value this series answers. */
  String computedFrom();

  /**
   * The series for an indicator of a plan covering {@code geography} and these years, from the
   * release's tables as the gate's earlier steps left them (protected, never private).
   */
  List<Observation> observations(
      ReleaseTables release, String indicatorCode, String geography, int firstYear, int lastYear);
}
