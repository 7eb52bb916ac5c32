package cn.qingtian.portal.indicator;

import java.util.Collection;

/**
 * Where a value comes from (decision D6), from the strongest to the weakest. A value derived from
 * others takes the weakest provenance of its inputs.
 */
public enum Provenance {
  OFFICIAL,
  SECONDARY,
  DEMO;

  public static Provenance weakest(Collection<Provenance> inputs) {
    return inputs.stream().max(Enum::compareTo).orElse(OFFICIAL);
  }

  public Provenance weakerOf(Provenance other) {
    return compareTo(other) >= 0 ? this : other;
  }
}
