package cn.qingtian.portal.database;

import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the portal's PostgreSQL is.
 *
 * @param url an external server ({@code PORTAL_DATABASE_URL}), as {@code
 *     postgresql://user:password@host:port/database} or a JDBC URL; when empty, the portal starts
 *     an embedded PostgreSQL
 * @param apiUsername the read-only login role the API connects as (decision D11)
 * @param apiPassword its password, for servers that do not trust local connections
 * @param embeddedDataDirectory where the embedded PostgreSQL keeps its data
 * @param apiPoolSize the maximum number of API connections
 * @param apiPoolMaxIdleTime how long an API connection may stay idle before the pool closes it, so
 *     a quiet portal gives its connections back to a shared server
 * @param embeddedDurable whether the embedded PostgreSQL runs with fsync and synchronous_commit on
 *     (decision D20): on for {@code serve} and every command; the test suite switches it off for
 *     speed
 * @param importLockTimeout how long an import or rollback waits for another one to finish before it
 *     gives up with a message ({@code lock_timeout} on the import's lock)
 */
@ConfigurationProperties("portal.database")
public record DatabaseProperties(
    @Nullable String url,
    @DefaultValue("portal_api") String apiUsername,
    @Nullable String apiPassword,
    @DefaultValue("portal-data/postgres") Path embeddedDataDirectory,
    @DefaultValue("10") int apiPoolSize,
    @DefaultValue("10m") Duration apiPoolMaxIdleTime,
    @DefaultValue("true") boolean embeddedDurable,
    @DefaultValue("10m") Duration importLockTimeout) {

  public boolean isEmbedded() {
    return url == null || url.isBlank();
  }
}
