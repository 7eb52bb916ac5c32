package cn.qingtian.portal.indicator;

/** A DataLoader key: an indicator read in one release. */
record IndicatorKey(int release, String code) {}
