package cn.qingtian.portal.site;

import cn.qingtian.portal.architecture.FeatureInterface;
import cn.qingtian.site.SiteSettings;
import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The server's settings of the public progress site it builds and serves, bound from {@code
 * portal.site.*} (a {@code …Properties} record binds configuration, as everywhere in the server):
 * where the builds go and when, plus the site module's own {@link SiteSettings}, which {@link
 * #settings()} hands to the generator.
 *
 * @param directory where the current build is linked ({@code PORTAL_SITE_DIRECTORY})
 * @param publishOnRelease whether {@code serve} rebuilds the site on every new release
 * @param baseUrl the public address of the site, for share cards and the sitemap
 * @param retryAfter a failed build is tried again after this, then after twice as long each time
 */
@FeatureInterface
@ConfigurationProperties("portal.site")
public record SiteProperties(
    @DefaultValue("portal-data/site") Path directory,
    @DefaultValue("true") boolean publishOnRelease,
    @DefaultValue("qt-kzt-2021-2025") String plan,
    @Nullable String baseUrl,
    @DefaultValue("青田县“扩中”“提低”进展门户") String publisherZh,
    @DefaultValue("Qingtian progress portal") String publisherEn,
    @Nullable String contact,
    @Nullable String icpNumber,
    @Nullable String siteCode,
    @Nullable String reportUrl,
    @DefaultValue("30s") Duration retryAfter) {

  public SiteProperties {
    if (retryAfter.isNegative() || retryAfter.isZero()) {
      throw new IllegalArgumentException("portal.site.retry-after must be positive: " + retryAfter);
    }
  }

  public SiteSettings settings() {
    return new SiteSettings(
        plan, baseUrl, publisherZh, publisherEn, contact, icpNumber, siteCode, reportUrl);
  }
}
