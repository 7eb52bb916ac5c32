package cn.qingtian.portal.api.archfixture;

import cn.qingtian.portal.release.archfixture.CycleB;

/** Planted for ArchitectureRulesTest: api and release in a circle. */
public class CycleA {
  CycleB other;
}
