package cn.qingtian.portal.plan;

import cn.qingtian.portal.architecture.FeatureInterface;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Which indicators have a given headline progress status or provenance. The {@code indicator}
 * feature answers it; the plan feature only asks, so the two do not depend on each other both ways.
 */
@FeatureInterface
public interface ProgressFilter {

  Mono<java.util.Set<String>> indicatorCodes(
      int release, @Nullable String status, @Nullable String provenance);
}
