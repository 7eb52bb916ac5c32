package cn.qingtian.portal;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The Qingtian progress portal. Run without arguments it serves; see {@link PortalCommandLine} for
 * {@code validate} and {@code import}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PortalApplication {

  public static void main(String[] args) {
    int exitCode = PortalCommandLine.run(args);
    if (exitCode != PortalCommandLine.KEEP_RUNNING) {
      System.exit(exitCode);
    }
  }
}
