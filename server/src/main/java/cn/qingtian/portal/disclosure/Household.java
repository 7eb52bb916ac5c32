package cn.qingtian.portal.disclosure;

import cn.qingtian.portal.architecture.FeatureInterface;

/**
 * One household in one year: private microdata. Only the disclosure step reads it; no route, query,
 * log line or download carries a household or its exact income.
 *
 * @param income annual disposable income of the household, in yuan
 */
@FeatureInterface
public record Household(
    String id,
    String township,
    int year,
    int size,
    boolean urban,
    long income,
    boolean lowIncomeFarm,
    boolean dibao,
    boolean qiaojuan) {

  @Override
  public String toString() {
    return "Household[private]"; // never print microdata by accident
  }
}
