package cn.qingtian.portal.api;

import org.jspecify.annotations.Nullable;

/** Relay page information. */
public record PageInfo(
    @Nullable String startCursor,
    @Nullable String endCursor,
    boolean hasNextPage,
    boolean hasPreviousPage) {}
