package cn.qingtian.portal.indicator;

import cn.qingtian.portal.architecture.FeatureInterface;
import java.util.Collection;

/**
 * Where a value comes from (decision D6, docs/decisions/0006-provenance.md): {@code OFFICIAL},
 * {@code SECONDARY} and {@code DEMO}, from the strongest to the weakest. A value derived from
 * others takes the weakest provenance of its inputs. {@code NO_DATA} is not on that scale: it marks
 * a judgement that used no observation at all (a target without data, a roll-up of such targets),
 * so it never weakens nor strengthens anything it is combined with.
 */
@FeatureInterface
public enum Provenance {
  OFFICIAL,
  SECONDARY,
  DEMO,
  NO_DATA;

  /** The weakest provenance of the inputs that are data; {@code NO_DATA} when none is. */
  public static Provenance weakest(Collection<Provenance> inputs) {
    return inputs.stream().reduce(NO_DATA, Provenance::weakerOf);
  }

  /**
   * The weaker of the two; {@code NO_DATA} counts as no input, so a DEMO roll-up never looks
   * stronger for counting a target without data.
   */
  public Provenance weakerOf(Provenance other) {
    if (this == NO_DATA) {
      return other;
    }
    if (other == NO_DATA) {
      return this;
    }
    return compareTo(other) >= 0 ? this : other;
  }
}
