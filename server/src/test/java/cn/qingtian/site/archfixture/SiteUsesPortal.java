package cn.qingtian.site.archfixture;

import cn.qingtian.portal.release.Release;

/** Planted for ArchitectureRulesTest: the site module using the server. */
public class SiteUsesPortal {
  Release release;
}
