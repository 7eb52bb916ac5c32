package cn.qingtian.portal.web;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The time a query of {@code /graphql} may take ({@link RequestTimeout}); the API's other settings
 * have records of their own ({@code portal.api.limits}, {@code rate-limit}, {@code
 * response-cache}).
 *
 * @param requestTimeout a query not answered within it is cancelled and answered 503
 */
@ConfigurationProperties("portal.api")
public record ApiProperties(@DefaultValue("10s") Duration requestTimeout) {

  public ApiProperties {
    positive("portal.api.request-timeout", requestTimeout);
  }

  private static void positive(String name, Duration value) {
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive: " + value);
    }
  }
}
