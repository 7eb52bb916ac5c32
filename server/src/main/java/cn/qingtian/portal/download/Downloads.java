package cn.qingtian.portal.download;

import cn.qingtian.portal.charity.GrantsPackage;
import cn.qingtian.portal.database.ReaderConnections;
import cn.qingtian.portal.dataset.SafePaths;
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
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
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
                files =
                    export.export(
                        release, SafePaths.inside(directory, folderName(release.version())));
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
   * Puts the downloads of every release up to {@code release} into a static site's {@code
   * datasets/} folder, laid out as the portal serves them ({@code {dataset}/{version}/{file}}),
   * with {@code latest} the files of {@code release} and the catalogue at the top. Each file is a
   * hard link to the release's written file where the file system allows, a copy otherwise: a
   * release's files never change once written (D4; a rewrite replaces the folder, never a file in
   * place), so a rebuild writes its pages and not gigabytes of unchanged downloads again
   * (docs/reliability.md, attack finding 13d). Blocks: for the site publisher's thread. Releases
   * published before downloads existed, or whose files cannot be placed, are left out with a
   * warning.
   */
  public void copyInto(Path datasets, Release release) throws IOException {
    List<Release> published =
        releases.all().filter(r -> r.number() <= release.number()).collectList().block();
    Placed placed = new Placed();
    for (Release earlier : published) {
      ReleaseFiles files;
      try {
        files = of(earlier).block();
        place(files, datasets, folderName(earlier.version()), placed);
        if (earlier.number() == release.number()) {
          place(files, datasets, DownloadRoutes.LATEST, placed);
          for (String catalogue :
              List.of(ReleaseExport.CATALOG_TURTLE, ReleaseExport.CATALOG_JSON_LD)) {
            placed.put(
                SafePaths.inside(files.directory(), ReleaseFiles.ALL, catalogue),
                SafePaths.inside(datasets, catalogue));
          }
        }
      } catch (DownloadsUnavailableException | SafePaths.UnsafePathException e) {
        log.warn(
            "Downloads of release #{} left out of the site: {}", earlier.number(), e.getMessage());
      }
    }
    log.info(
        "Site downloads: {} files linked, {} copied ({} bytes written)",
        placed.linked,
        placed.copied,
        placed.bytesCopied);
  }

  /** The downloads a static site build of {@code release} carries in its {@code datasets/}. */
  @Override
  public ExtraFiles forRelease(Release release) {
    return build -> copyInto(build.resolve("datasets"), release);
  }

  private static void place(ReleaseFiles files, Path datasets, String version, Placed placed)
      throws IOException {
    for (DatasetFiles dataset : files.datasets()) {
      placeFiles(files, dataset.id(), dataset.files(), datasets, version, placed);
    }
    placeFiles(files, ReleaseFiles.ALL, files.releaseFiles(), datasets, version, placed);
  }

  private static void placeFiles(
      ReleaseFiles files,
      String dataset,
      List<DownloadFile> list,
      Path datasets,
      String version,
      Placed placed)
      throws IOException {
    Path target = Files.createDirectories(SafePaths.inside(datasets, dataset, version));
    for (DownloadFile file : list) {
      placed.put(
          SafePaths.inside(files.directory(), dataset, file.name()),
          SafePaths.inside(target, file.name()));
    }
  }

  /** Puts files into a build: linked where the file system allows, copied otherwise, counted. */
  private static final class Placed {
    private int linked;
    private int copied;
    private long bytesCopied;
    private boolean linksWork = true;

    void put(Path source, Path target) throws IOException {
      if (linksWork) {
        try {
          Files.createLink(target, source);
          linked++;
          return;
        } catch (FileAlreadyExistsException e) {
          throw e;
        } catch (UnsupportedOperationException | FileSystemException e) {
          // Another file system (EXDEV), or one without hard links: copy from now on.
          log.info("Site downloads are copied, not linked: {}", e.getMessage());
          linksWork = false;
        }
      }
      Files.copy(source, target);
      copied++;
      bytesCopied += Files.size(target);
    }
  }

  /**
   * A version as a folder name: the version itself when it is a {@linkplain SafePaths#isSafeName
   * safe name} (every version the validator accepts), otherwise its safe characters followed by a
   * hash of the whole version, so that a release imported before versions were checked
   * (docs/reliability.md, attack finding 1) gets a folder of its own inside the downloads, never a
   * path out of them.
   */
  static String folderName(String version) {
    if (SafePaths.isSafeName(version)) {
      return version;
    }
    String kept = version.replaceAll("[^0-9A-Za-z_+-]", "_");
    String hash =
        ReleaseExport.sha256Hex(version.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return "v" + kept.substring(0, Math.min(kept.length(), 60)) + "-" + hash.substring(0, 12);
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
