package cn.qingtian.site;

import org.jspecify.annotations.Nullable;

/**
 * The site module's input about the county's site (plain values; the server fills them from its
 * {@code portal.site.*} configuration): the plan shown, the public address (for share cards and the
 * sitemap), the footer fields Chinese government sites carry, and where readers report errors.
 *
 * @param baseUrl the public address of the site root, e.g. {@code https://progress.example.cn/};
 *     when empty, links stay relative and the sitemap lists paths
 * @param icpNumber the ICP filing number (ICP备案号)
 * @param siteCode the government website identifier code (政府网站标识码)
 * @param reportUrl where to report an error: a form address or a {@code mailto:} link
 */
public record SiteSettings(
    String planCode,
    @Nullable String baseUrl,
    String publisherZh,
    String publisherEn,
    @Nullable String contact,
    @Nullable String icpNumber,
    @Nullable String siteCode,
    @Nullable String reportUrl) {

  public static SiteSettings defaults() {
    return new SiteSettings(
        "qt-kzt-2021-2025",
        null,
        "青田县“扩中”“提低”进展门户",
        "Qingtian progress portal",
        null,
        null,
        null,
        null);
  }

  /** The absolute address of a path, or the path itself when no base URL is set. */
  public String absolute(String path) {
    if (baseUrl == null || baseUrl.isBlank()) {
      return path;
    }
    return baseUrl.endsWith("/") ? baseUrl + path : baseUrl + "/" + path;
  }
}
