package cn.qingtian.portal.download;

import cn.qingtian.portal.api.GlobalId;
import cn.qingtian.portal.api.NodeResolver;
import cn.qingtian.portal.release.ReleaseRepository;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Resolves the global IDs of datasets. */
@Component
class DatasetNodes implements NodeResolver {

  private final DatasetController datasets;
  private final ReleaseRepository releases;

  DatasetNodes(DatasetController datasets, ReleaseRepository releases) {
    this.datasets = datasets;
    this.releases = releases;
  }

  @Override
  public Mono<Object> resolve(GlobalId id, int release) {
    if (!id.type().equals("Dataset")) {
      return Mono.empty();
    }
    return releases
        .byNumber(release)
        .flatMap(r -> datasets.byName(r, id.parts().get(0)))
        .cast(Object.class);
  }
}
