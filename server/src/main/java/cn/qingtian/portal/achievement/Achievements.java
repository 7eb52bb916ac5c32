package cn.qingtian.portal.achievement;

import cn.qingtian.portal.dataset.ReleaseTables;
import cn.qingtian.portal.dataset.Row;
import cn.qingtian.portal.indicator.ComputedSeries;
import cn.qingtian.portal.indicator.Observation;
import cn.qingtian.portal.indicator.Period;
import cn.qingtian.portal.indicator.Provenance;
import cn.qingtian.portal.release.ReleaseCache;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The achievements of a release, newest first, and the source of the indicators computed from them
 * ({@code computed_from = ACHIEVEMENTS}): for each year, the sum of the outputs that count toward
 * the indicator, at the weakest provenance of the achievements summed (decision D6). A year without
 * such an output has no observation: no report is not the same as zero.
 */
@Component
public class Achievements implements ComputedSeries {

  static final String COMPUTED_FROM = "ACHIEVEMENTS";
  static final String SOURCE = "PORTAL_ACHIEVEMENTS";

  private final AchievementRepository repository;
  private final ReleaseCache<List<Achievement>> cache = new ReleaseCache<>();

  Achievements(AchievementRepository repository) {
    this.repository = repository;
  }

  /** Every achievement of the release, newest first. */
  public Mono<List<Achievement>> all(int release) {
    return cache.get(
        release,
        number ->
            repository
                .all(number)
                .map(
                    list ->
                        list.stream().sorted(Comparator.comparing(Achievement::sortKey)).toList()));
  }

  /** The achievement with this code in the release, if any. */
  Mono<Achievement> byCode(int release, String code) {
    return all(release)
        .mapNotNull(
            all -> all.stream().filter(a -> a.code().equals(code)).findFirst().orElse(null));
  }

  @Override
  public String computedFrom() {
    return COMPUTED_FROM;
  }

  @Override
  public List<Observation> observations(
      ReleaseTables release, String indicatorCode, String geography, int firstYear, int lastYear) {
    Map<String, Reported> reported = reported(release);
    Map<Integer, YearSum> byYear = new TreeMap<>();
    release
        .table("achievement_outputs")
        .ifPresent(
            table -> {
              for (Row row : table.rows()) {
                Reported achievement = reported.get((String) table.value(row, "achievement"));
                if (achievement != null
                    && achievement.year() >= firstYear
                    && achievement.year() <= lastYear
                    && indicatorCode.equals(table.value(row, "indicator"))
                    && AchievementOutput.PROGRESS.equals(table.value(row, "counts"))) {
                  byYear
                      .computeIfAbsent(achievement.year(), y -> new YearSum())
                      .add(
                          (BigDecimal) table.value(row, "value"),
                          (String) table.value(row, "unit_zh"),
                          achievement.provenance());
                }
              }
            });
    List<Observation> sums = new ArrayList<>();
    byYear.forEach(
        (year, sum) ->
            sums.add(
                new Observation(
                    indicatorCode,
                    geography,
                    Period.parse(Integer.toString(year)),
                    Observation.TOTAL,
                    sum.total.doubleValue(),
                    sum.unit,
                    "FINAL",
                    Provenance.weakest(sum.provenances),
                    SOURCE,
                    "按成果记录逐年汇总（" + sum.provenances.size() + "项）",
                    "Summed from " + sum.provenances.size() + " achievement(s) of the year")));
    return sums;
  }

  /** Every achievement of a release being imported, by code: its year and provenance. */
  static Map<String, Reported> reported(ReleaseTables release) {
    Map<String, Reported> reported = new HashMap<>();
    release
        .table("achievements")
        .ifPresent(
            table ->
                table
                    .rows()
                    .forEach(
                        row ->
                            reported.put(
                                (String) table.value(row, "code"),
                                new Reported(
                                    ((Long) table.value(row, "year")).intValue(),
                                    Provenance.valueOf((String) table.value(row, "provenance"))))));
    return reported;
  }

  /** What the gate needs of an achievement. */
  record Reported(int year, Provenance provenance) {}

  /** The outputs of one year that count toward the indicator. */
  private static final class YearSum {

    private BigDecimal total = BigDecimal.ZERO;
    private String unit = "";
    private final List<Provenance> provenances = new ArrayList<>();

    void add(BigDecimal value, String unitZh, Provenance provenance) {
      total = total.add(value);
      unit = unitZh;
      provenances.add(provenance);
    }
  }
}
