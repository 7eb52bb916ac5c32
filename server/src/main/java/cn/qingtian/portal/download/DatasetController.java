package cn.qingtian.portal.download;

import cn.qingtian.portal.api.GlobalId;
import cn.qingtian.portal.api.InvalidInputException;
import cn.qingtian.portal.messages.UserMessages;
import cn.qingtian.portal.release.Release;
import cn.qingtian.portal.release.ReleaseRepository;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * The {@code datasets}, {@code dataset} and {@code release} queries and a release's downloads. A
 * release published before downloads existed has none: its lists are empty.
 */
@Controller
class DatasetController {

  private static final int MAX_VERSION_LENGTH = 64;

  private final Downloads downloads;
  private final ReleaseRepository releases;

  DatasetController(Downloads downloads, ReleaseRepository releases) {
    this.downloads = downloads;
    this.releases = releases;
  }

  @QueryMapping
  Mono<List<Dataset>> datasets(@ContextValue(name = Release.CONTEXT_KEY) Release release) {
    return releaseDatasets(release);
  }

  @QueryMapping
  Mono<Dataset> dataset(
      @Argument @Nullable String id,
      @Argument @Nullable String name,
      @ContextValue(name = Release.CONTEXT_KEY) Release release) {
    return byName(release, GlobalId.codeOf(id, name, "Dataset"));
  }

  Mono<Dataset> byName(Release release, String name) {
    return releaseDatasets(release)
        .flatMapIterable(list -> list)
        .filter(d -> d.name().equals(name))
        .next();
  }

  /** A release up to the one the request reads, by version. */
  @QueryMapping
  Mono<Release> release(
      @Argument String version, @ContextValue(name = Release.CONTEXT_KEY) Release release) {
    if (version.length() > MAX_VERSION_LENGTH) {
      throw new InvalidInputException(
          UserMessages.get("download.version.tooLong", MAX_VERSION_LENGTH));
    }
    return releases.byVersion(version).filter(r -> r.number() <= release.number());
  }

  // Named apart from the query of the same name, which takes the same argument.
  @SchemaMapping(typeName = "Release", field = "datasets")
  Mono<List<Dataset>> releaseDatasets(Release release) {
    return written(
        release,
        files ->
            files.datasets().stream()
                .map(d -> new Dataset(d, release, downloads.settings()))
                .toList());
  }

  @SchemaMapping(typeName = "Release")
  Mono<List<Distribution>> files(Release release) {
    return written(
        release,
        files ->
            files.releaseFiles().stream()
                .map(f -> Distribution.of(f, ReleaseFiles.ALL, release, downloads.settings()))
                .toList());
  }

  /** Something listed from a release's downloads; nothing before any release, or without them. */
  private <T> Mono<List<T>> written(Release release, Function<ReleaseFiles, List<T>> list) {
    if (release.number() == 0) {
      return Mono.just(List.of());
    }
    return downloads
        .of(release)
        .map(list)
        .onErrorReturn(DownloadsUnavailableException.class, List.of());
  }
}
