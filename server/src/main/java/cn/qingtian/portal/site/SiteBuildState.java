package cn.qingtian.portal.site;

import cn.qingtian.portal.release.Release;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The site builds of this process: the last release whose site was published, and the build that
 * has failed since (with its first failure time), if any. A failing build leaves the previous site
 * served, which the API's health alone would not show.
 *
 * @param built the number of the last release whose site was published, 0 for none
 * @param failing the number of the release whose build fails, 0 when the last build succeeded
 * @param failingSince when builds started failing
 */
record SiteBuildState(long built, long failing, @Nullable Instant failingSince) {

  static final SiteBuildState NONE = new SiteBuildState(0, 0, null);

  SiteBuildState built(Release release) {
    return new SiteBuildState(release.number(), 0, null);
  }

  SiteBuildState failed(Release release, Instant now) {
    return new SiteBuildState(built, release.number(), failingSince == null ? now : failingSince);
  }
}
