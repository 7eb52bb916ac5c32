package cn.qingtian.portal.api.archfixture;

import cn.qingtian.portal.PortalCommandLine;

/** Planted for ArchitectureRulesTest: a core package using the root package. */
public class ApiUsesRoot {
  int exitCode = PortalCommandLine.run(new String[] {"help"});
}
