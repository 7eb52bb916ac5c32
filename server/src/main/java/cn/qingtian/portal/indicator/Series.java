package cn.qingtian.portal.indicator;

import java.util.List;

/** The observations of an indicator for one comparison geography. */
record Series(String geographyCode, List<Observation> observations) {}
