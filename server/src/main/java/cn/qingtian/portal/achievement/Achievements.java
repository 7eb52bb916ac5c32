package cn.qingtian.portal.achievement;

import cn.qingtian.portal.indicator.ComputedSeries;
import cn.qingtian.portal.indicator.Observation;
import cn.qingtian.portal.indicator.Period;
import cn.qingtian.portal.indicator.Provenance;
import cn.qingtian.portal.release.ReleaseCache;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
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
  public Flux<Observation> observations(
      int release, String indicatorCode, String geography, int firstYear, int lastYear) {
    return all(release)
        .flatMapMany(
            achievements -> {
              List<Observation> sums = new ArrayList<>();
              for (int year = firstYear; year <= lastYear; year++) {
                double sum = 0;
                String unit = null;
                List<Provenance> provenances = new ArrayList<>();
                for (Achievement achievement : achievements) {
                  for (AchievementOutput output : achievement.outputs()) {
                    if (achievement.year() == year && output.countsToward(indicatorCode)) {
                      sum += output.value();
                      unit = output.unitText().zh();
                      provenances.add(achievement.provenance());
                    }
                  }
                }
                if (unit != null) {
                  sums.add(
                      new Observation(
                          indicatorCode,
                          geography,
                          Period.parse(Integer.toString(year)),
                          Observation.TOTAL,
                          sum,
                          unit,
                          "FINAL",
                          Provenance.weakest(provenances),
                          SOURCE,
                          "按成果记录逐年汇总（" + provenances.size() + "项）",
                          "Summed from " + provenances.size() + " achievement(s) of the year"));
                }
              }
              return Flux.fromIterable(sums);
            });
  }
}
