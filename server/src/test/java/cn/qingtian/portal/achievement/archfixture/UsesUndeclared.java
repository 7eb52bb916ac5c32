package cn.qingtian.portal.achievement.archfixture;

import cn.qingtian.portal.indicator.archfixture.Undeclared;

/** Planted for ArchitectureRulesTest: a listed direction, but a type that is not declared. */
public class UsesUndeclared {
  Undeclared undeclared;
}
