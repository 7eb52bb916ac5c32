package cn.qingtian.portal.disclosure;

import cn.qingtian.portal.architecture.FeatureInterface;
import java.util.Arrays;

/**
 * The rules every published figure about persons, households or donors obeys (decision D25,
 * docs/decisions/0025-disclosure-words.md; docs/decisions/methods.md §2): at least {@value
 * #MINIMUM_CONTRIBUTORS} contributors behind it, and for a sum or mean the dominance rules (1, 50)
 * and (2, 67).
 */
@FeatureInterface
public final class DisclosureRules {

  /** The fewest contributors behind a published figure. */
  public static final int MINIMUM_CONTRIBUTORS = 10;

  private DisclosureRules() {}

  /**
   * Whether a total is dominated by its largest contributions: the largest more than 50 % of it, or
   * the two largest more than 67 % (so one contributor could estimate another's closely).
   *
   * @param contributions each contributor's part, in any order
   */
  public static boolean dominated(double[] contributions) {
    double[] sorted = contributions.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    double total = Arrays.stream(sorted).sum();
    if (n == 0 || total <= 0) {
      return false;
    }
    double first = sorted[n - 1];
    double second = n > 1 ? sorted[n - 2] : 0;
    return first > 0.50 * total || first + second > 0.67 * total;
  }
}
