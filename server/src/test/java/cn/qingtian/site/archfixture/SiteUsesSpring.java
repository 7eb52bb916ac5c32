package cn.qingtian.site.archfixture;

import org.springframework.util.StringUtils;

/** Planted for ArchitectureRulesTest: the site module using Spring. */
public class SiteUsesSpring {
  boolean blank(String text) {
    return !StringUtils.hasText(text);
  }
}
