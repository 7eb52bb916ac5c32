package cn.qingtian.portal.search;

import cn.qingtian.portal.api.LocalizedText;

/**
 * A facet value of search results as the API serves it: its label is the area's, group's or unit's
 * name (or the type's, or the value itself), its count the number of matches that have it.
 */
public record SearchFacet(String dimension, String value, LocalizedText labelText, int count) {}
