package cn.qingtian.portal.indicator;

import cn.qingtian.portal.api.BatchResults;
import cn.qingtian.portal.architecture.FeatureInterface;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The sources of a release, for any feature whose records cite one. */
@FeatureInterface
@Component
public class Sources {

  private final IndicatorRepository repository;

  Sources(IndicatorRepository repository) {
    this.repository = repository;
  }

  /** The source each record cites, for a {@code source} field batch-mapped over the records. */
  public <T> Mono<Map<T, Source>> citedBy(
      int release, List<T> records, Function<T, String> sourceCode) {
    List<String> codes = records.stream().map(sourceCode).distinct().toList();
    return repository
        .sources(release, codes)
        .collectMap(Source::code)
        .map(byCode -> BatchResults.parent(records, sourceCode, byCode));
  }
}
