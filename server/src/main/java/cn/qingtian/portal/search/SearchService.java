package cn.qingtian.portal.search;

import cn.qingtian.portal.operations.PortalMetrics;
import cn.qingtian.portal.release.Release;
import cn.qingtian.portal.release.ReleaseCache;
import cn.qingtian.portal.release.ReleaseChanged;
import cn.qingtian.portal.release.ReleasePreparation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The search index of each release: built off to the side from the release's public tables (the
 * indexing runs on a worker, never on an event loop) the first time it is asked for or before the
 * release is served, then kept until another release is asked for. Queries never wait for a newer
 * index: they read the one of their own release.
 */
@Service
class SearchService implements ReleasePreparation {

  private static final Logger log = LoggerFactory.getLogger(SearchService.class);

  private final SearchCorpus corpus;
  private final ReleaseCache<SearchIndex> cache = new ReleaseCache<>();

  SearchService(SearchCorpus corpus) {
    this.corpus = corpus;
  }

  Mono<SearchIndex> index(int release) {
    return cache.get(
        release,
        number -> {
          long loadStart = System.nanoTime();
          return corpus
              .documents(number)
              .collectList()
              .publishOn(Schedulers.boundedElastic())
              .map(
                  documents -> {
                    long start = System.nanoTime();
                    SearchIndex index = SearchIndex.build(documents);
                    PortalMetrics.releaseBuilt(PortalMetrics.Part.SEARCH, loadStart, true);
                    log.info(
                        "Search index of release #{}: {} documents in {} ms",
                        number,
                        documents.size(),
                        (System.nanoTime() - start) / 1_000_000);
                    return index;
                  })
              .doOnError(
                  e -> PortalMetrics.releaseBuilt(PortalMetrics.Part.SEARCH, loadStart, false));
        });
  }

  /** The index of a new release is built before the release is served. */
  @Override
  public Mono<Void> prepare(Release next) {
    return index(next.number()).then();
  }

  @EventListener
  void releaseChanged(ReleaseChanged event) {
    index(event.release().number()).subscribe();
  }
}
