package cn.qingtian.portal.site;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The {@code site} health component: DOWN while the site of the newest release cannot be built (the
 * previous site is still served, and the API has moved on), UP otherwise. It is not part of the
 * readiness group: the API and the previous site still answer, so the instance must stay in
 * rotation; monitoring of the overall health sees it.
 */
@Component
class SiteHealthIndicator implements HealthIndicator {

  private final SiteBuildScheduler publishing;

  SiteHealthIndicator(SiteBuildScheduler publishing) {
    this.publishing = publishing;
  }

  @Override
  public Health health() {
    SiteBuildState state = publishing.state();
    if (state.failing() != 0) {
      return Health.down()
          .withDetail("servedSiteOfRelease", state.built())
          .withDetail("failingRelease", state.failing())
          .withDetail("failingSince", String.valueOf(state.failingSince()))
          .build();
    }
    return Health.up().withDetail("servedSiteOfRelease", state.built()).build();
  }
}
