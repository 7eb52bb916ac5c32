package cn.qingtian.portal;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * When a test fails because an answer never came, writes what every PostgreSQL connection and every
 * thread is doing to {@code target/hang-reports/}: the state at that moment is what explains a
 * hang, and it is gone by the time anyone reads the log. Registered for every test through {@code
 * junit-platform.properties}.
 */
public class HangReport implements TestExecutionExceptionHandler {

  @Override
  public void handleTestExecutionException(ExtensionContext context, Throwable failure)
      throws Throwable {
    if (isTimeout(failure)) {
      Path report =
          Path.of(
              "target",
              "hang-reports",
              context.getUniqueId().replaceAll("[^A-Za-z0-9]+", "_") + ".txt");
      try {
        Files.createDirectories(report.getParent());
        Files.writeString(
            report,
            "PostgreSQL connections (pid | database | application | state | wait | since | query):\n"
                + TestDatabases.activity()
                + "\nThreads:\n"
                + threads(),
            StandardCharsets.UTF_8);
        System.err.println("Hang report (every thread's stack): " + report.toAbsolutePath());
      } catch (IOException e) {
        failure.addSuppressed(e);
      }
    }
    throw failure;
  }

  private static boolean isTimeout(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof TimeoutException
          || t.getClass().getSimpleName().contains("Timeout")
          || String.valueOf(t.getMessage()).contains("Timeout on blocking read")
          || String.valueOf(t.getMessage()).contains("timed out")) {
        return true;
      }
    }
    return false;
  }

  private static String threads() {
    StringBuilder out = new StringBuilder();
    for (ThreadInfo info : ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) {
      out.append('"').append(info.getThreadName()).append("\" ").append(info.getThreadState());
      if (info.getLockName() != null) {
        out.append(" on ").append(info.getLockName());
      }
      if (info.getLockOwnerName() != null) {
        out.append(" owned by \"").append(info.getLockOwnerName()).append('"');
      }
      out.append('\n');
      for (StackTraceElement frame : info.getStackTrace()) {
        out.append("    at ").append(frame).append('\n');
      }
      out.append('\n');
    }
    return out.toString();
  }
}
