package cn.qingtian.portal.plan;

import org.jspecify.annotations.Nullable;

/** The filters of the {@code measures} query. */
record MeasureFilter(
    @Nullable String plan,
    @Nullable String kind,
    @Nullable String section,
    @Nullable String targetGroup,
    @Nullable String department,
    @Nullable String role) {}
