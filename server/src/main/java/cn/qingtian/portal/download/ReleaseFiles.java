package cn.qingtian.portal.download;

import cn.qingtian.portal.dataset.SafePaths;
import cn.qingtian.portal.release.Release;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The downloads of one release, written to {@code directory}: a folder per dataset and the
 * release's own files (data package, ZIP, checksums, change log, catalogue) in {@value #ALL}.
 */
public record ReleaseFiles(
    Release release, Path directory, List<DatasetFiles> datasets, List<DownloadFile> releaseFiles) {

  /** The folder (and URL segment) of the files that describe or bundle the whole release. */
  public static final String ALL = "all";

  public Optional<DatasetFiles> dataset(String id) {
    return datasets.stream().filter(d -> d.id().equals(id)).findFirst();
  }

  /** A file by its dataset and name, with where it is on disk. */
  public Optional<Located> locate(String dataset, String name) {
    Optional<DownloadFile> file =
        dataset.equals(ALL)
            ? releaseFiles.stream().filter(f -> f.name().equals(name)).findFirst()
            : dataset(dataset).flatMap(d -> d.file(name));
    return file.map(f -> new Located(f, SafePaths.inside(directory, dataset, f.name())));
  }

  /** Whether any dataset of the release holds DEMO rows. */
  public boolean demo() {
    return datasets.stream().anyMatch(DatasetFiles::demo);
  }

  /** A download and its path. */
  public record Located(DownloadFile file, Path path) {}
}
