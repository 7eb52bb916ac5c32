package cn.qingtian.portal.search;

import cn.qingtian.portal.api.LocalizedText;
import org.jspecify.annotations.Nullable;

/** A search hit as the API serves it; {@code snippet} is escaped HTML with marked words. */
public record SearchHit(
    String type,
    String id,
    String code,
    LocalizedText titleText,
    String snippet,
    double score,
    @Nullable String provenance) {}
