package cn.qingtian.portal.disclosure;

import java.util.random.RandomGenerator;

/**
 * Exact sampling of two-sided geometric ("discrete Laplace") noise, P(z) ∝ e^(−ε|z|) with ε = s/t,
 * from integer arithmetic only (Canonne, Kamath and Steinke 2020, algorithms 1 and 2): no floating
 * point on the path from the random source to the noise, so the noise leaks nothing through
 * rounding (Mironov 2012). Production draws from {@link java.security.SecureRandom}; tests pass a
 * seeded generator.
 */
public final class DiscreteLaplace {

  private final RandomGenerator random;

  public DiscreteLaplace(RandomGenerator random) {
    this.random = random;
  }

  /** A draw with P(z) ∝ exp(−|z|·s/t), i.e. ε = s/t for a count (sensitivity 1). */
  public long sample(long s, long t) {
    if (s < 1 || t < 1) {
      throw new IllegalArgumentException("s and t must be positive");
    }
    while (true) {
      long u = random.nextLong(t);
      if (!bernoulliExpMinus(u, t)) {
        continue;
      }
      long v = 0;
      while (bernoulliExpMinus(1, 1)) {
        v++;
      }
      long x = u + t * v;
      long y = x / s;
      boolean negative = random.nextBoolean();
      if (negative && y == 0) {
        continue;
      }
      return negative ? -y : y;
    }
  }

  /** True with probability exp(−num/den), for num ≥ 0 and den ≥ 1. */
  boolean bernoulliExpMinus(long num, long den) {
    if (num <= den) {
      long k = 1;
      while (bernoulli(num, den * k)) {
        k++;
      }
      return k % 2 == 1;
    }
    for (long i = 0; i < num / den; i++) {
      if (!bernoulliExpMinus(1, 1)) {
        return false;
      }
    }
    return bernoulliExpMinus(num % den, den);
  }

  /** True with probability a/b. */
  private boolean bernoulli(long a, long b) {
    return random.nextLong(b) < a;
  }
}
