package cn.qingtian.portal.download;

import cn.qingtian.portal.release.Release;

/** A downloadable file as the API shows it, with its versioned and its {@code latest} URL. */
public record Distribution(DownloadFile file, String url, String latestUrl) {

  static Distribution of(
      DownloadFile file, String dataset, Release release, DownloadSettings settings) {
    return new Distribution(
        file,
        settings.url(dataset, release.version(), file.name()),
        settings.url(dataset, DownloadRoutes.LATEST, file.name()));
  }

  public String fileName() {
    return file.name();
  }

  public String format() {
    return file.format().name();
  }

  public String formatLabel() {
    return file.format().label();
  }

  public String mediaType() {
    return file.mediaType();
  }

  public double byteSize() {
    return file.byteSize();
  }

  public String sha256() {
    return file.sha256();
  }
}
