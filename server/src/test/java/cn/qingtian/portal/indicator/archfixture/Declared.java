package cn.qingtian.portal.indicator.archfixture;

import cn.qingtian.portal.architecture.FeatureInterface;

/** Planted for ArchitectureRulesTest: a declared interface of indicator. */
@FeatureInterface
public class Declared {

  /** Nested in a declared interface, so part of it. */
  public record Part(int value) {}
}
