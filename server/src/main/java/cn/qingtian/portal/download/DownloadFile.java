package cn.qingtian.portal.download;

/**
 * One file of a release's downloads, as written: its name (stable across releases, decision D7,
 * docs/decisions/0007-demo-package.md), format, media type, size and SHA-256 checksum, and whether
 * a gzip copy ({@code name.gz}) was written beside it.
 */
public record DownloadFile(
    String name, Format format, String mediaType, long byteSize, String sha256, boolean gzipped) {

  /** The formats partners download; {@link #label()} is what the site and catalogue call them. */
  public enum Format {
    CSV("CSV"),
    CSV_EXCEL("CSV (Excel, UTF-8 BOM)"),
    JSON("JSON"),
    XLSX("XLSX"),
    SDMX_CSV("SDMX-CSV 2.0"),
    SDMX_STRUCTURE("SDMX structure (JSON)"),
    REVISIONS_CSV("CSV (revisions)"),
    GIVING_360("360Giving JSON"),
    DATA_PACKAGE("Frictionless Data Package"),
    ZIP("ZIP"),
    CHECKSUMS("SHA256SUMS"),
    CHANGE_LOG("CSV (change log)"),
    TURTLE("DCAT-AP Turtle"),
    JSON_LD("DCAT-AP JSON-LD");

    private final String label;

    Format(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }
}
