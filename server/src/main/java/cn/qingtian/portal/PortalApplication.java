package cn.qingtian.portal;

import java.time.Clock;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/**
 * The Qingtian progress portal. Run without arguments it serves; see {@link PortalCommandLine} for
 * {@code validate} and {@code import}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PortalApplication {

  /**
   * The one source of the current time (decision D19): code that needs "now" takes this bean, so a
   * test can hand it a fixed or moving clock.
   */
  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  public static void main(String[] args) {
    int exitCode = PortalCommandLine.run(args);
    if (exitCode != PortalCommandLine.KEEP_RUNNING) {
      System.exit(exitCode);
    }
  }
}
