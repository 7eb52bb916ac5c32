package cn.qingtian.portal.plan;

import org.jspecify.annotations.Nullable;

/** The filters of the {@code indicators} query. */
record IndicatorFilter(
    @Nullable String plan,
    @Nullable String area,
    @Nullable String measure,
    @Nullable String targetGroup,
    @Nullable String department,
    @Nullable String targetKind,
    @Nullable String status,
    @Nullable String provenance) {

  boolean isEmpty() {
    return plan == null
        && area == null
        && measure == null
        && targetGroup == null
        && department == null
        && targetKind == null
        && !needsProgress();
  }

  boolean needsProgress() {
    return status != null || provenance != null;
  }
}
