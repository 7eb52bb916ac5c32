package cn.qingtian.portal.unplaced.archfixture;

/** Planted for ArchitectureRulesTest: a package in neither the core nor the features. */
public class Unplaced {}
