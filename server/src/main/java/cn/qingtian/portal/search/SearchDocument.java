package cn.qingtian.portal.search;

import org.jspecify.annotations.Nullable;

/** One searchable entity of a release, as the index sees it. */
record SearchDocument(
    String type,
    String id,
    String code,
    String titleZh,
    @Nullable String titleEn,
    String textZh,
    @Nullable String textEn,
    @Nullable String provenance) {}
