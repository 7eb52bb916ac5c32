package cn.qingtian.portal.soak;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The heap of the server process after a full collection: {@code jcmd <pid> GC.run}, then {@code
 * jcmd <pid> GC.heap_info}, whose first line says how much of the heap is used.
 */
final class ServerHeap {

  private static final Pattern USED = Pattern.compile("used (\\d+)K");

  private final long pid;
  private final String jcmd;

  ServerHeap(long pid) {
    this.pid = pid;
    this.jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
  }

  /** Bytes in use after a full GC, or -1 when jcmd did not answer. */
  long afterGc() {
    try {
      run("GC.run");
      Matcher used = USED.matcher(run("GC.heap_info"));
      return used.find() ? Long.parseLong(used.group(1)) * 1024 : -1;
    } catch (IOException | RuntimeException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  private String run(String command) throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(List.of(jcmd, Long.toString(pid), command))
            .redirectErrorStream(true)
            .start();
    byte[] out = process.getInputStream().readAllBytes();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("jcmd " + command + " did not finish");
    }
    return new String(out, StandardCharsets.UTF_8);
  }
}
