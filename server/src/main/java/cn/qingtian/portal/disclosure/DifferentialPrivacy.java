package cn.qingtian.portal.disclosure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;

/**
 * The differential-privacy option (docs/decisions/methods.md §2, rule 5). Each household falls into
 * exactly one cell of a histogram, so noising every cell with two-sided geometric noise of
 * parameter ε costs ε once per histogram. Post-processing (free of budget) makes the cells
 * non-negative integers that add up to the noisy total: clamp at 0, rescale to the total, round by
 * largest remainders. Margins are then sums of the published cells, never noised again.
 *
 * <p>In production the noise is {@link KeyedNoise}: each cell's draw is a function of a secret and
 * the cell's identity (its place and a hash of the rows in it), so the same data always publish the
 * same noisy cell and a new draw happens only when the data behind the cell change
 * (docs/disclosure-control.md, attack finding 7). A sampler of fresh draws is for tests of the
 * distribution and the benchmark.
 */
public final class DifferentialPrivacy {

  /** A draw with P(z) ∝ exp(−|z|·s/t) for the cell of this identity. */
  @FunctionalInterface
  private interface Noise {
    long sample(String identity, long s, long t);
  }

  private final Noise noise;
  private final @Nullable KeyedNoise keyed;
  private final long s;
  private final long t;

  /** Fresh noise on every draw, for ε = s/t (e.g. s = 1, t = 2 for ε = 0.5): tests only. */
  public DifferentialPrivacy(DiscreteLaplace noise, long s, long t) {
    this.noise = (identity, a, b) -> noise.sample(a, b);
    this.keyed = null;
    this.s = s;
    this.t = t;
  }

  /** Noise keyed by each cell's identity, for ε = s/t: the same data, the same noise. */
  public DifferentialPrivacy(KeyedNoise noise, long s, long t) {
    this.noise = (identity, a, b) -> noise.laplace(identity).sample(a, b);
    this.keyed = noise;
    this.s = s;
    this.t = t;
  }

  /**
   * What identifies the draws of these identities, for the ledger: equal across releases when every
   * draw was reused; null for fresh noise, which is a new draw every time.
   */
  @Nullable String draws(List<String> identities) {
    return keyed == null ? null : keyed.draws(identities);
  }

  public double epsilon() {
    return (double) s / t;
  }

  /** Noisy cells, before post-processing (may be negative); cells named by their index. */
  long[] noisy(long[] cells) {
    return noisy(cells, IntStream.range(0, cells.length).mapToObj(i -> "cell " + i).toList());
  }

  /** Noisy cells, each drawn for its identity, before post-processing (may be negative). */
  long[] noisy(long[] cells, List<String> identities) {
    long[] noisy = new long[cells.length];
    for (int i = 0; i < cells.length; i++) {
      noisy[i] = cells[i] + noise.sample(identities.get(i), s, t);
    }
    return noisy;
  }

  /** The published histogram: non-negative integers adding up to the (clamped) noisy total. */
  public long[] publish(long[] cells) {
    return postProcess(noisy(cells));
  }

  /** The published histogram, each cell's noise drawn for its identity. */
  public long[] publish(long[] cells, List<String> identities) {
    return postProcess(noisy(cells, identities));
  }

  /**
   * A noisy sum of incomes clamped to [0, upper]: one household changes it by at most {@code
   * upper}, so discrete Laplace noise of scale upper/ε makes it ε-private (integer yuan, exact).
   */
  public long noisySum(long[] incomes, long upper) {
    return noisySum(incomes, upper, "sum");
  }

  /** {@link #noisySum(long[], long)} with the noise drawn for an identity. */
  public long noisySum(long[] incomes, long upper, String identity) {
    long sum = 0;
    for (long income : incomes) {
      sum += Math.min(Math.max(income, 0), upper);
    }
    return sum + noise.sample(identity, s, t * upper);
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
