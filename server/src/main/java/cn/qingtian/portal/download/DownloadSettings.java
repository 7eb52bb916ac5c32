package cn.qingtian.portal.download;

/**
 * What every download and catalogue entry states about who publishes it and how it may be used.
 *
 * @param baseUrl the portal's public address, without a trailing slash: download URLs are absolute
 * @param publisherZh the publisher's name in Chinese
 * @param publisherEn the publisher's name in English
 * @param licenseUrl the licence of every dataset (CC BY 4.0 unless the county chooses otherwise)
 */
public record DownloadSettings(
    String baseUrl, String publisherZh, String publisherEn, String licenseUrl) {

  /** The address of a file: {@code /datasets/{dataset}/{version}/{file}}. */
  public String url(String dataset, String version, String file) {
    return baseUrl + "/datasets/" + dataset + "/" + version + "/" + file;
  }
}
