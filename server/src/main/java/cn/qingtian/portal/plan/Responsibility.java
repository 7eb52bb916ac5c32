package cn.qingtian.portal.plan;

/**
 * That the document lists a unit among the 责任单位 of a measure, at a position in that list (from 1).
 * The role ({@code LEAD} for the first, {@code SUPPORT} after) is deprecated: the document names no
 * lead unit.
 */
record Responsibility(
    String planCode, String measureCode, int position, String departmentCode, String role) {}
