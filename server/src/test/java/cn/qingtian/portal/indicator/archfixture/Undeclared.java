package cn.qingtian.portal.indicator.archfixture;

/** Planted for ArchitectureRulesTest: indicator's own business. */
public class Undeclared {}
