package cn.qingtian.portal.achievement.archfixture;

import cn.qingtian.portal.indicator.archfixture.Declared;

/** Planted for ArchitectureRulesTest: allowed, a listed direction through a declared interface. */
public class UsesDeclared {
  Declared declared;
  Declared.Part part;
}
