package cn.qingtian.portal.plan;

/** Identifies a measure within its plan. */
record MeasureKey(String planCode, String code) {}
