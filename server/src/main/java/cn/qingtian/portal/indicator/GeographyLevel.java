package cn.qingtian.portal.indicator;

/**
 * The level of a geography, the closed set of {@code geographies.level} in the data package (the
 * API answers it as a string, its name). A value outside this set is refused at import with its
 * file:row:column ({@link IndicatorClosedSets}).
 */
public enum GeographyLevel {
  PROVINCE,
  CITY,
  COUNTY,
  TOWNSHIP
}
