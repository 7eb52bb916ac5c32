package cn.qingtian.portal.release;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.info.BuildProperties;

/**
 * The portal's part of {@code /actuator/info}: its name and version, and the release it serves. The
 * version is {@code spring.application.version} (Boot reads it from the jar's manifest, or an
 * operator sets it), else the build information when the build wrote it, else {@code unknown}
 * (running from classes without either).
 */
class PortalInfoContributor implements InfoContributor {

  static final String UNKNOWN = "unknown";

  private final String name;
  private final String version;
  private final CurrentRelease current;

  PortalInfoContributor(
      String name,
      @Nullable String applicationVersion,
      @Nullable BuildProperties build,
      CurrentRelease current) {
    this.name = name;
    this.version =
        applicationVersion != null && !applicationVersion.isBlank()
            ? applicationVersion
            : build != null && build.getVersion() != null ? build.getVersion() : UNKNOWN;
    this.current = current;
  }

  @Override
  public void contribute(Info.Builder builder) {
    builder.withDetail("app", Map.of("name", name, "version", version));
    Release release = current.get();
    Map<String, Object> served = new LinkedHashMap<>();
    served.put("number", release.number());
    if (release.number() > 0) {
      served.put("version", release.version());
      served.put("publishedAt", release.publishedAt());
    }
    builder.withDetail("release", served);
  }
}
