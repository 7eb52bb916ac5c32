package cn.qingtian.portal.release.archfixture;

import cn.qingtian.portal.api.archfixture.CycleA;

/** Planted for ArchitectureRulesTest: api and release in a circle. */
public class CycleB {
  CycleA other;
}
