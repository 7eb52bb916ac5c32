package cn.qingtian.site;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The typed models of the site's pages, one per jte template. */
public final class Pages {

  private Pages() {}

  /** A headline target on the home page. */
  public record Card(
      String code,
      String name,
      String nameLang,
      String area,
      String status,
      String provenance,
      @Nullable String latest,
      @Nullable String target,
      String summary,
      String sparkline) {}

  public record Home(PageContext page, Api.Overview overview, List<Card> cards) {}

  public record IndicatorList(PageContext page, List<Api.Indicator> indicators) {}

  public record Indicator(PageContext page, Api.Indicator indicator, @Nullable Chart chart) {}

  public record Plan(PageContext page, Api.Overview overview, Map<String, Api.Measure> measures) {

    public Api.Measure measure(String code) {
      return measures.get(code);
    }

    public List<Api.Measure> safeguards() {
      return measures.values().stream().filter(m -> m.kind().equals("SAFEGUARD")).toList();
    }
  }

  public record Measure(
      PageContext page, Api.Measure measure, List<Api.Achievement> achievements) {}

  public record Group(
      PageContext page,
      Api.Group group,
      List<Api.Measure> measures,
      List<Api.Achievement> achievements) {}

  public record DepartmentList(PageContext page, List<Api.Department> departments) {}

  public record Department(
      PageContext page, Api.Department department, List<Api.Achievement> achievements) {}

  /** The achievements timeline, newest year first. */
  public record AchievementList(PageContext page, Map<Integer, List<Api.Achievement>> byYear) {}

  /** About, API and not-found pages: their words are in the templates. */
  public record Info(PageContext page, Api.Overview overview) {}

  public record CharityList(PageContext page, List<Api.Charity> charities, List<String> fields) {}

  public record Charity(PageContext page, Api.Charity charity, @Nullable FinanceChart chart) {}
}
