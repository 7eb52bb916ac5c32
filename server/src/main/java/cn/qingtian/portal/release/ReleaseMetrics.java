package cn.qingtian.portal.release;

import cn.qingtian.portal.operations.PortalMetrics;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/** The gauge {@code portal.release.current}: the number of the release being served. */
class ReleaseMetrics implements MeterBinder {

  private final CurrentRelease current;

  ReleaseMetrics(CurrentRelease current) {
    this.current = current;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    Gauge.builder(PortalMetrics.CURRENT_RELEASE, current, c -> c.get().number())
        .description("Number of the release being served (0 before any)")
        .strongReference(true)
        .register(registry);
  }
}
