package cn.qingtian.portal.download;

import cn.qingtian.portal.charity.GrantsPackage;
import cn.qingtian.portal.database.ReaderConnections;
import cn.qingtian.portal.operations.PortalMetrics;
import cn.qingtian.portal.release.CurrentRelease;
import cn.qingtian.portal.release.Release;
import cn.qingtian.portal.release.ReleaseChanged;
import cn.qingtian.portal.release.ReleasePreparation;
import cn.qingtian.portal.release.ReleaseRepository;
import cn.qingtian.portal.site.SiteExtras;
import cn.qingtian.portal.site.SiteProperties;
import cn.qingtian.site.ExtraFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The downloads of every release, written once per release and process on a worker (a release never
 * changes, D4): a new release's before it is served (the first release's once it is), older ones
 * when first asked for. A failed export is not remembered, so the next request tries again.
 */
@Component
@EnableConfigurationProperties(DownloadProperties.class)
public class Downloads implements SiteExtras, ReleasePreparation {

  private static final Logger log = LoggerFactory.getLogger(Downloads.class);

  private final ReleaseExport export;
  private final Path directory;
  private final boolean writeOnRelease;
  private final CurrentRelease current;
  private final DownloadSettings settings;
  private final ReleaseRepository releases;
  private final Map<Integer, Mono<ReleaseFiles>> written = new ConcurrentHashMap<>();

  Downloads(
      ReaderConnections connections,
      GrantsPackage grants,
      CurrentRelease current,
      DownloadProperties properties,
      SiteProperties site,
      ReleaseRepository releases) {
    this.releases = releases;
    String baseUrl =
        properties.baseUrl() != null
            ? properties.baseUrl()
            : site.baseUrl() != null ? site.baseUrl() : "http://localhost:8080";
    this.settings =
        new DownloadSettings(
            baseUrl.replaceAll("/+$", ""),
            site.publisherZh(),
            site.publisherEn(),
            properties.licenseUrl());
    this.export =
        new ReleaseExport(connections, settings, release -> grants.json(release).blockOptional());
    this.directory = properties.directory();
    this.writeOnRelease = properties.writeOnRelease();
    this.current = current;
  }

  public DownloadSettings settings() {
    return settings;
  }

  /** The current release's downloads; empty before anything is published. */
  public Mono<ReleaseFiles> current() {
    Release release = current.get();
    return release.number() == 0 ? Mono.empty() : of(release);
  }

  public Mono<ReleaseFiles> of(Release release) {
    return written.computeIfAbsent(release.number(), number -> write(release));
  }

  private Mono<ReleaseFiles> write(Release release) {
    return Mono.fromCallable(
            () -> {
              long start = System.nanoTime();
              ReleaseFiles files;
              try {
                files = export.export(release, directory.resolve(folderName(release.version())));
              } catch (Exception e) {
                PortalMetrics.releaseBuilt(PortalMetrics.Part.DOWNLOADS, start, false);
                throw e;
              }
              PortalMetrics.releaseBuilt(PortalMetrics.Part.DOWNLOADS, start, true);
              log.info(
                  "Downloads of release #{} written: {} datasets in {} ms",
                  release.number(),
                  files.datasets().size(),
                  (System.nanoTime() - start) / 1_000_000);
              return files;
            })
        .subscribeOn(Schedulers.boundedElastic())
        .doOnError(e -> written.remove(release.number()))
        .cache();
  }

  /**
   * Copies the downloads of every release up to {@code release} into a static site's {@code
   * datasets/} folder, laid out as the portal serves them ({@code {dataset}/{version}/{file}}),
   * with {@code latest} a copy of {@code release} and the catalogue at the top. Blocks: for the
   * site publisher's thread. Releases published before downloads existed are left out.
   */
  public void copyInto(Path datasets, Release release) throws IOException {
    List<Release> published =
        releases.all().filter(r -> r.number() <= release.number()).collectList().block();
    for (Release earlier : published) {
      ReleaseFiles files;
      try {
        files = of(earlier).block();
      } catch (DownloadsUnavailableException e) {
        log.warn(
            "Downloads of release #{} left out of the site: {}", earlier.number(), e.getMessage());
        continue;
      }
      copy(files, datasets, earlier.version());
      if (earlier.number() == release.number()) {
        copy(files, datasets, DownloadRoutes.LATEST);
        Path all = files.directory().resolve(ReleaseFiles.ALL);
        Files.copy(
            all.resolve(ReleaseExport.CATALOG_TURTLE),
            datasets.resolve(ReleaseExport.CATALOG_TURTLE));
        Files.copy(
            all.resolve(ReleaseExport.CATALOG_JSON_LD),
            datasets.resolve(ReleaseExport.CATALOG_JSON_LD));
      }
    }
  }

  /** The downloads a static site build of {@code release} carries in its {@code datasets/}. */
  @Override
  public ExtraFiles forRelease(Release release) {
    return build -> copyInto(build.resolve("datasets"), release);
  }

  private static void copy(ReleaseFiles files, Path datasets, String version) throws IOException {
    for (DatasetFiles dataset : files.datasets()) {
      copyFiles(
          files, dataset.id(), dataset.files(), datasets.resolve(dataset.id()).resolve(version));
    }
    copyFiles(
        files,
        ReleaseFiles.ALL,
        files.releaseFiles(),
        datasets.resolve(ReleaseFiles.ALL).resolve(version));
  }

  private static void copyFiles(
      ReleaseFiles files, String dataset, List<DownloadFile> list, Path target) throws IOException {
    Files.createDirectories(target);
    for (DownloadFile file : list) {
      Files.copy(
          files.directory().resolve(dataset).resolve(file.name()), target.resolve(file.name()));
    }
  }

  /** A version as a folder name: the characters versions may have, nothing else. */
  static String folderName(String version) {
    return version.replaceAll("[^0-9A-Za-z.+_-]", "_");
  }

  /** A new release's files are written before it is served, when they are written on release. */
  @Override
  public Mono<Void> prepare(Release next) {
    return writeOnRelease ? of(next).then() : Mono.empty();
  }

  @EventListener
  void onRelease(ReleaseChanged changed) {
    if (writeOnRelease && changed.release().number() > 0) {
      of(changed.release())
          .subscribe(
              files -> {},
              e ->
                  log.error(
                      "Downloads of release #{} not written: {}",
                      changed.release().number(),
                      e.getMessage()));
    }
  }
}
