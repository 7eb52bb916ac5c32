package cn.qingtian.portal.disclosure;

import cn.qingtian.portal.architecture.FeatureInterface;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Deterministic synthetic household microdata: the same seed and size always give the same
 * households. A panel of households followed over the years; assumptions
 * (docs/disclosure-control.md):
 *
 * <ul>
 *   <li>township by the relative sizes in {@link Township#ALL}, so the smallest 乡 have few
 *       households and their cells become sparse;
 *   <li>urban share 85 % in 街道, 45 % in 镇, 10 % in 乡; household size 1–6 (mean about 2.7);
 *   <li>per-capita income log-normal (median 55,000 yuan urban, 28,000 rural in the first year, σ
 *       0.55), and one household in 50 with a Pareto tail (shape 1.5) above it, the skew that makes
 *       dominance rules matter; yearly growth about 6 % urban and 7.5 % rural with noise;
 *   <li>低收入农户: rural with per-capita income below 15,000 yuan in the first year; 低保: about a third
 *       of those and 1 % of the others; 侨眷: 15 %.
 * </ul>
 */
@FeatureInterface
public final class MicrodataGenerator {

  public static final long SEED = 20251231L;

  private MicrodataGenerator() {}

  public static List<Household> generate(long seed, int households, int firstYear, int years) {
    SplittableRandom random = new SplittableRandom(seed);
    double totalWeight = Township.ALL.stream().mapToDouble(Township::weight).sum();
    List<Household> all = new ArrayList<>(households * years);
    for (int n = 0; n < households; n++) {
      Township township = pick(random, totalWeight);
      double urbanShare =
          switch (township.kind()) {
            case "SUBDISTRICT" -> 0.85;
            case "TOWN" -> 0.45;
            default -> 0.10;
          };
      boolean urban = random.nextDouble() < urbanShare;
      int size = 1 + Math.min(5, (int) Math.round(Math.abs(gaussian(random) * 1.3 + 1.7)));
      double perCapita = (urban ? 55_000 : 28_000) * Math.exp(0.55 * gaussian(random));
      if (random.nextInt(50) == 0) {
        perCapita *= Math.pow(1 - random.nextDouble(), -1 / 1.5); // Pareto tail
      }
      boolean lowIncomeFarm = !urban && perCapita < 15_000;
      boolean dibao = lowIncomeFarm ? random.nextInt(3) == 0 : random.nextInt(100) == 0;
      boolean qiaojuan = random.nextDouble() < 0.15;
      String id = "HH%07d".formatted(n + 1);
      double growth = urban ? 0.06 : 0.075;
      for (int y = 0; y < years; y++) {
        double factor = Math.pow(1 + growth, y) * (1 + 0.03 * gaussian(random));
        long income = Math.max(0, Math.round(perCapita * size * factor));
        all.add(
            new Household(
                id,
                township.code(),
                firstYear + y,
                size,
                urban,
                income,
                lowIncomeFarm,
                dibao,
                qiaojuan));
      }
    }
    return all;
  }

  private static Township pick(SplittableRandom random, double totalWeight) {
    double r = random.nextDouble() * totalWeight;
    for (Township township : Township.ALL) {
      r -= township.weight();
      if (r < 0) {
        return township;
      }
    }
    return Township.ALL.get(Township.ALL.size() - 1);
  }

  /** A standard normal draw (Box–Muller), from the seeded generator only. */
  private static double gaussian(SplittableRandom random) {
    double u = 1 - random.nextDouble();
    double v = random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
}
