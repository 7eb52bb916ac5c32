package cn.qingtian.site;

/**
 * What every page needs besides its own model: language, the relative path back to the site root,
 * its own path (for the language switch and hreflang), the release, whether it shows DEMO data,
 * whether the build holds any, and the site's settings.
 *
 * @param lang {@code zh} or {@code en}
 * @param path the page's path without the language prefix, e.g. {@code indicators/GDP/}
 * @param description what the page says of itself; a text built from DEMO values carries its label
 * @param demo whether the page shows DEMO data
 * @param demoBuild whether the build holds DEMO data anywhere (its share image says so)
 */
public record PageContext(
    String lang,
    String path,
    String title,
    String description,
    Api.Release release,
    boolean demo,
    boolean demoBuild,
    SiteSettings settings) {

  /** The share image of a build holding DEMO data carries a visible DEMO mark. */
  static final String SHARE_IMAGE = "share.png";

  static final String DEMO_SHARE_IMAGE = "share-demo.png";

  /**
   * The description for search engines and share cards: on a page that shows DEMO data it carries
   * the label in the same text, at its start so that a shortened snippet keeps it (decision D25).
   */
  public String shareDescription() {
    return demo && !Messages.isLabelled(description)
        ? t().get("demo.page") + description
        : description;
  }

  /** The absolute address of the build's share image. */
  public String shareImage() {
    return settings.absolute("assets/" + (demoBuild ? DEMO_SHARE_IMAGE : SHARE_IMAGE));
  }

  /** What the share image shows, DEMO mark included. */
  public String shareImageAlt() {
    return t().get(demoBuild ? "share.alt.demo" : "share.alt");
  }

  public Messages t() {
    return Messages.of(lang);
  }

  /** The BCP 47 tag of the page. */
  public String htmlLang() {
    return lang.equals("en") ? "en" : "zh-CN";
  }

  /** The tag of a text that may have fallen back to Chinese (decision D10). */
  public String langOf(Api.Lang text) {
    return text.lang().equals("EN") ? "en" : "zh-CN";
  }

  /**
   * Relative path from this page to the site root. The not-found page is served at any depth, so it
   * links from the configured address, or else from the host's root.
   */
  public String root() {
    if (path.equals("404.html")) {
      String base = settings.baseUrl();
      return base == null || base.isBlank() ? "/" : base.endsWith("/") ? base : base + "/";
    }
    int depth = (int) path.chars().filter(c -> c == '/').count() + (lang.equals("en") ? 1 : 0);
    return depth == 0 ? "./" : "../".repeat(depth);
  }

  /** Relative link to a page in this page's language. */
  public String link(String target) {
    return root() + (lang.equals("en") ? "en/" : "") + target;
  }

  /** Relative link to the same page in the other language. */
  public String otherLanguage() {
    return root() + (lang.equals("en") ? "" : "en/") + path;
  }

  /**
   * Relative link to a download: {@code datasets/{dataset}/{version}/{file}} under the site root,
   * where the portal copies every release's files ({@code all} for whole-release files, {@code
   * latest} for the current release), so links work on any static host under any prefix.
   */
  public String download(String dataset, String version, String file) {
    return root()
        + "datasets/"
        + Format.pathSegment(dataset)
        + "/"
        + Format.pathSegment(version)
        + "/"
        + Format.pathSegment(file);
  }

  public String asset(String file) {
    return root() + "assets/" + file;
  }

  /** The address of this page in a language: absolute when a base URL is set, else relative. */
  public String address(String language) {
    String target = (language.equals("en") ? "en/" : "") + path;
    if (settings.baseUrl() != null && !settings.baseUrl().isBlank()) {
      return settings.absolute(target);
    }
    String relative = root().equals("./") ? target : root() + target;
    return relative.isEmpty() ? "./" : relative;
  }

  public String number(double value) {
    return Format.number(value);
  }
}
