package cn.qingtian.portal.site;

import cn.qingtian.portal.architecture.FeatureInterface;
import cn.qingtian.portal.release.Release;
import cn.qingtian.site.ExtraFiles;

/** Files another feature adds to every build of the site for a release (e.g. the downloads). */
@FeatureInterface
public interface SiteExtras {

  ExtraFiles forRelease(Release release);
}
