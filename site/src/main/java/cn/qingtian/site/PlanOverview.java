package cn.qingtian.site;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The model of the plan overview page, as the {@code planOverview} GraphQL document returns it.
 *
 * @param lang the page's language tag ({@code zh-CN} or {@code en})
 * @param release the release the numbers come from, e.g. {@code 1.0.0}
 */
public record PlanOverview(
    String lang,
    String title,
    @Nullable String documentNumber,
    String release,
    List<MeasureLine> measures) {

  /**
   * One measure of the plan.
   *
   * @param titleLang the language tag of the title, which differs from the page's where an English
   *     title falls back to Chinese (decision D10)
   */
  public record MeasureLine(
      String code, String title, String titleLang, @Nullable String leadUnit) {}
}
