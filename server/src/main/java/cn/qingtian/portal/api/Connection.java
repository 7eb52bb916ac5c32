package cn.qingtian.portal.api;

import java.util.List;

/** A Relay cursor connection; its edges are {@link Edge}s or records with extra edge fields. */
public record Connection<T>(List<?> edges, List<T> nodes, PageInfo pageInfo, int totalCount) {}
