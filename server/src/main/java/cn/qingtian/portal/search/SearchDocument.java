package cn.qingtian.portal.search;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One searchable entity of a release, as the index sees it; {@code order} is its place in the plan
 * (an indicator's or measure's number), 0 when it has none; {@code facets} are the codes it is
 * counted and filtered under (its areas, target groups, units, years), beside its type and
 * provenance.
 */
record SearchDocument(
    String type,
    String id,
    String code,
    String titleZh,
    @Nullable String titleEn,
    String textZh,
    @Nullable String textEn,
    @Nullable String provenance,
    int order,
    Map<FacetDimension, List<String>> facets) {

  /** What search results are counted and filtered by. */
  enum FacetDimension {
    TYPE,
    AREA,
    TARGET_GROUP,
    DEPARTMENT,
    YEAR,
    PROVENANCE
  }
}
