package cn.qingtian.portal.soak;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The live heap of the server process: {@code jcmd <pid> GC.class_histogram} runs a full collection
 * and then counts only the objects that survived it, so its total is the heap after GC without the
 * objects allocated in the moments since (reading {@code GC.heap_info} after {@code GC.run}, as
 * this did before, counted those too: tens of MB of noise at a few hundred requests a second).
 */
final class ServerHeap {

  private static final Pattern TOTAL = Pattern.compile("(?m)^Total\\s+\\d+\\s+(\\d+)\\s*$");

  private final long pid;
  private final String jcmd;

  ServerHeap(long pid) {
    this.pid = pid;
    this.jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
  }

  /** Bytes in use after a full GC, or -1 when jcmd did not answer. */
  long afterGc() {
    try {
      Matcher total = TOTAL.matcher(run("GC.class_histogram"));
      return total.find() ? Long.parseLong(total.group(1)) : -1;
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
