package cn.qingtian.portal.release;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How {@link CurrentRelease} finds and prepares a new release.
 *
 * @param pollInterval how often the database is asked for a newer release
 * @param warmUpTimeout how long the preparations of a new release (search index, progress,
 *     downloads, the hottest answers) may take before it is served anyway
 */
@ConfigurationProperties("portal.release")
public record ReleaseProperties(
    @DefaultValue("2s") Duration pollInterval, @DefaultValue("60s") Duration warmUpTimeout) {

  public ReleaseProperties {
    positive("portal.release.poll-interval", pollInterval);
    positive("portal.release.warm-up-timeout", warmUpTimeout);
  }

  private static void positive(String name, Duration value) {
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive: " + value);
    }
  }
}
