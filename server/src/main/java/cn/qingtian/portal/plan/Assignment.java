package cn.qingtian.portal.plan;

/** A responsibility together with the unit and the measure it joins, read in one query. */
record Assignment(Responsibility responsibility, Department department, Measure measure) {}
