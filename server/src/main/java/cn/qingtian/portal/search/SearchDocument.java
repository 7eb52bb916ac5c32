package cn.qingtian.portal.search;

import org.jspecify.annotations.Nullable;

/**
 * One searchable entity of a release, as the index sees it; {@code order} is its place in the plan
 * (an indicator's or measure's number), 0 when it has none.
 */
record SearchDocument(
    String type,
    String id,
    String code,
    String titleZh,
    @Nullable String titleEn,
    String textZh,
    @Nullable String textEn,
    @Nullable String provenance,
    int order) {}
