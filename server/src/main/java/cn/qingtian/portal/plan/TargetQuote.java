package cn.qingtian.portal.plan;

import org.jspecify.annotations.Nullable;

/**
 * A sentence of the plan document that states a target (normalized as in decision D3,
 * docs/decisions/0003-quotes.md).
 */
public record TargetQuote(
    String targetCode,
    int number,
    String planCode,
    @Nullable String areaCode,
    @Nullable String measureCode,
    String text) {}
