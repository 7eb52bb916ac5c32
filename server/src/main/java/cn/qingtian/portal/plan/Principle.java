package cn.qingtian.portal.plan;

import cn.qingtian.portal.api.LocalizedText;

/** A basic principle of a plan. */
public record Principle(String planCode, int number, LocalizedText titleText, String text) {}
