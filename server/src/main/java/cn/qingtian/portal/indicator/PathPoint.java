package cn.qingtian.portal.indicator;

/** A point of the year-by-year path from the base to the target. */
public record PathPoint(int year, double value) {}
