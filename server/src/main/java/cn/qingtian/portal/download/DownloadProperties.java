package cn.qingtian.portal.download;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the portal writes the downloads of each release, and what they say about their use.
 *
 * @param directory a folder per release version ({@code PORTAL_DOWNLOADS_DIRECTORY})
 * @param licenseUrl the licence of every dataset: CC BY 4.0 unless the county chooses otherwise
 * @param baseUrl the public address download URLs start with; defaults to the site's, then to
 *     {@code http://localhost:8080}
 * @param writeOnRelease whether the files of a release are written before it is served, or only
 *     when first asked for
 */
@ConfigurationProperties("portal.downloads")
public record DownloadProperties(
    @DefaultValue("portal-data/downloads") Path directory,
    @DefaultValue("https://creativecommons.org/licenses/by/4.0/") String licenseUrl,
    @Nullable String baseUrl,
    @DefaultValue("true") boolean writeOnRelease) {}
