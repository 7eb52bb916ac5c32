package cn.qingtian.portal.charity;

import cn.qingtian.portal.indicator.Provenance;
import org.jspecify.annotations.Nullable;

/** A charity organization's finances in one year. */
public record CharityFinance(
    String charityCode,
    int year,
    @Nullable Double donationIncome,
    @Nullable Double programmeSpending,
    @Nullable Double adminCost,
    @Nullable Integer beneficiaries,
    Provenance provenance,
    String sourceCode) {}
