package cn.qingtian.portal.disclosure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The differential-privacy option (methods.md §2, rule 5). Each household falls into exactly one
 * cell of a histogram, so noising every cell with two-sided geometric noise of parameter ε costs ε
 * once per histogram. Post-processing (free of budget) makes the cells non-negative integers that
 * add up to the noisy total: clamp at 0, rescale to the total, round by largest remainders. Margins
 * are then sums of the published cells, never noised again.
 */
public final class DifferentialPrivacy {

  private final DiscreteLaplace noise;
  private final long s;
  private final long t;

  /** Noise for ε = s/t, e.g. s = 1, t = 2 for ε = 0.5. */
  public DifferentialPrivacy(DiscreteLaplace noise, long s, long t) {
    this.noise = noise;
    this.s = s;
    this.t = t;
  }

  public double epsilon() {
    return (double) s / t;
  }

  /** Noisy cells, before post-processing (may be negative). */
  long[] noisy(long[] cells) {
    long[] noisy = new long[cells.length];
    for (int i = 0; i < cells.length; i++) {
      noisy[i] = cells[i] + noise.sample(s, t);
    }
    return noisy;
  }

  /** The published histogram: non-negative integers adding up to the (clamped) noisy total. */
  public long[] publish(long[] cells) {
    return postProcess(noisy(cells));
  }

  /**
   * A noisy sum of incomes clamped to [0, upper]: one household changes it by at most {@code
   * upper}, so discrete Laplace noise of scale upper/ε makes it ε-private (integer yuan, exact).
   */
  public long noisySum(long[] incomes, long upper) {
    long sum = 0;
    for (long income : incomes) {
      sum += Math.min(Math.max(income, 0), upper);
    }
    return sum + noise.sample(s, t * upper);
  }

  static long[] postProcess(long[] noisy) {
    long total = Math.max(0, Arrays.stream(noisy).sum());
    long[] clamped = Arrays.stream(noisy).map(v -> Math.max(0, v)).toArray();
    long clampedSum = Arrays.stream(clamped).sum();
    long[] out = new long[noisy.length];
    if (clampedSum == 0 || total == 0) {
      return out;
    }
    double[] exact = new double[noisy.length];
    long assigned = 0;
    for (int i = 0; i < noisy.length; i++) {
      exact[i] = (double) clamped[i] * total / clampedSum;
      out[i] = (long) Math.floor(exact[i]);
      assigned += out[i];
    }
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < noisy.length; i++) {
      order.add(i);
    }
    order.sort(
        Comparator.<Integer>comparingDouble(i -> -(exact[i] - out[i])).thenComparingInt(i -> i));
    for (int k = 0; k < total - assigned; k++) {
      out[order.get(k % order.size())]++;
    }
    return out;
  }
}
