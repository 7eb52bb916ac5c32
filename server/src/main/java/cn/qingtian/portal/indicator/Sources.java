package cn.qingtian.portal.indicator;

import java.util.Collection;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/** The sources of a release, for any feature whose records cite one. */
@Component
public class Sources {

  private final IndicatorRepository repository;

  Sources(IndicatorRepository repository) {
    this.repository = repository;
  }

  public Flux<Source> byCodes(int release, Collection<String> codes) {
    return repository.sources(release, codes);
  }
}
