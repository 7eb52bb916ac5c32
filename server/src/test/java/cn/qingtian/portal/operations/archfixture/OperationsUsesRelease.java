package cn.qingtian.portal.operations.archfixture;

import cn.qingtian.portal.release.Release;

/** Planted for ArchitectureRulesTest: the bottom layer using one above it. */
public class OperationsUsesRelease {
  Release release;
}
