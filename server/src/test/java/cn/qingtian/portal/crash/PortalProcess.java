package cn.qingtian.portal.crash;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * One run of the portal's command line as a separate JVM (the classpath of the tests), its output
 * kept line by line so a test can kill it at a chosen moment, as an operator's {@code kill -9} or a
 * power cut of the process would.
 */
final class PortalProcess {

  private final Process process;
  private final long started = System.nanoTime();
  private final List<String> lines = new CopyOnWriteArrayList<>();
  private final Thread reader;
  private volatile long endedNanos;

  private PortalProcess(Process process, Path log) {
    this.process = process;
    this.reader =
        new Thread(
            () -> {
              try (BufferedReader in =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                  lines.add(line);
                  Files.writeString(
                      log, line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                }
              } catch (IOException e) {
                // the process was killed: its output simply ends
              }
            },
            "portal-process-output");
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts {@code java … PortalApplication <args>}; its output goes to {@code log} too. */
  static PortalProcess start(Path log, String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx512m");
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("cn.qingtian.portal.PortalApplication");
    command.addAll(List.of(args));
    try {
      Files.deleteIfExists(log);
      return new PortalProcess(new ProcessBuilder(command).redirectErrorStream(true).start(), log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  List<String> lines() {
    return lines;
  }

  String output() {
    return String.join("\n", lines);
  }

  boolean printed(Predicate<String> line) {
    return lines.stream().anyMatch(line);
  }

  boolean isAlive() {
    return process.isAlive();
  }

  long elapsedMillis() {
    long end = endedNanos != 0 ? endedNanos : System.nanoTime();
    return (end - started) / 1_000_000;
  }

  /** Waits for the command to finish; its exit code. */
  int waitFor(long seconds) throws InterruptedException {
    if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
      throw new AssertionError("the command did not finish in " + seconds + " s:\n" + output());
    }
    endedNanos = System.nanoTime();
    reader.join(5_000);
    return process.exitValue();
  }

  /** SIGKILL: no shutdown hook, no finally block, no cleanup runs. */
  long kill() throws InterruptedException {
    long at = elapsedMillis();
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
    endedNanos = System.nanoTime();
    reader.join(5_000);
    return at;
  }
}
