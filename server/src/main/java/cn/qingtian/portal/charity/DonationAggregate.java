package cn.qingtian.portal.charity;

import cn.qingtian.portal.indicator.Provenance;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * Donations from individuals to a charity in one year and field, as published: the number of donors
 * and the total, or neither when fewer than {@value #MINIMUM_DONORS} donors gave (the figures of so
 * few people are never published). No donor is ever named.
 */
public record DonationAggregate(
    String charityCode,
    int year,
    String field,
    @Nullable Integer donors,
    @Nullable Double total,
    boolean withheld,
    Provenance provenance,
    String sourceCode) {

  public static final int MINIMUM_DONORS = 10;

  /** The published form of an aggregate: small ones keep only that they exist. */
  static DonationAggregate publish(
      String charity,
      int year,
      String field,
      int donors,
      @Nullable BigDecimal total,
      Provenance provenance,
      String source) {
    boolean withheld = donors < MINIMUM_DONORS;
    return new DonationAggregate(
        charity,
        year,
        field,
        withheld ? null : donors,
        withheld || total == null ? null : total.doubleValue(),
        withheld,
        provenance,
        source);
  }
}
