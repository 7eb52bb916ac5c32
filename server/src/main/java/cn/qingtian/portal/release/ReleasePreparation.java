package cn.qingtian.portal.release;

import reactor.core.publisher.Mono;

/**
 * Work a new release needs done before requests read it: {@link CurrentRelease} runs every
 * preparation and switches once all have finished (or failed, or run out of time), so the first
 * requests on the new release find its search index, progress, downloads and hottest answers ready
 * instead of all building them at once.
 */
public interface ReleasePreparation {

  /** Readies what {@code next} needs, while the release before it is still being served. */
  Mono<Void> prepare(Release next);
}
