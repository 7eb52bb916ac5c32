package cn.qingtian.portal.charity;

import cn.qingtian.portal.indicator.Provenance;
import org.jspecify.annotations.Nullable;

/**
 * Donations from individuals to a charity in one year and field, as the disclosure gate published
 * them ({@link DonationTables}): the number of donors and the total, or neither when they are
 * withheld. No donor is ever named.
 */
public record DonationAggregate(
    String charityCode,
    int year,
    String field,
    @Nullable Integer donors,
    @Nullable Double total,
    boolean withheld,
    Provenance provenance,
    String sourceCode) {}
