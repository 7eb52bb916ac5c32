package cn.qingtian.portal.soak;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The soak's result as Markdown, and its verdict. */
final class SoakReport {

  static final double HEAP_TOLERANCE = 0.10;

  private final URI base;
  private final String current;
  private final NextRelease next;
  private final int clients;
  private final int maxSeconds;
  private final LoadDriver.Capacity capacity;
  private final double rate;
  private final int connections;
  private final int seconds;
  private final Recorder recorder;
  private final ReleaseSwitch release;
  private final long start;

  SoakReport(
      URI base,
      String current,
      NextRelease next,
      int clients,
      int maxSeconds,
      LoadDriver.Capacity capacity,
      double rate,
      int connections,
      int seconds,
      Recorder recorder,
      ReleaseSwitch release,
      long start) {
    this.base = base;
    this.current = current;
    this.next = next;
    this.clients = clients;
    this.maxSeconds = maxSeconds;
    this.capacity = capacity;
    this.rate = rate;
    this.connections = connections;
    this.seconds = seconds;
    this.recorder = recorder;
    this.release = release;
    this.start = start;
  }

  /**
   * Heap after GC from minute 2 on, each minute's lowest sample: (max − min) / min, or null without
   * samples.
   */
  Double heapSpread() {
    long min = Long.MAX_VALUE;
    long max = 0;
    for (var entry : recorder.minutes().entrySet()) {
      Long heap = entry.getValue().heapAfterGc();
      if (entry.getKey() >= 2 && heap != null) {
        min = Math.min(min, heap);
        max = Math.max(max, heap);
      }
    }
    return max == 0 ? null : (max - min) / (double) min;
  }

  /** "10 min" for whole minutes, else "20 s". */
  static String length(int seconds) {
    return seconds % 60 == 0 ? seconds / 60 + " min" : seconds + " s";
  }

  Long newReleaseSeen(String kind) {
    return recorder.firstSeen(kind, next.newVersion());
  }

  List<String> failures() {
    List<String> failures = new ArrayList<>();
    if (recorder.errors() > 0) {
      failures.add(recorder.errors() + " failed requests");
    }
    if (recorder.mixed() > 0) {
      failures.add(recorder.mixed() + " responses mixing releases");
    }
    Double spread = heapSpread();
    if (spread != null && spread > HEAP_TOLERANCE) {
      failures.add(String.format(Locale.ROOT, "heap after GC varied by %.1f%%", spread * 100));
    }
    if (release != null) {
      if (release.exitCode() != 0) {
        failures.add("the import exited with " + release.exitCode());
      } else if (newReleaseSeen("graphql") == null) {
        failures.add("the new release was never served");
      }
    }
    return failures;
  }

  boolean passed() {
    return failures().isEmpty();
  }

  String markdown() {
    StringBuilder md = new StringBuilder();
    appendSummary(md);
    appendMinutes(md);
    Double spread = heapSpread();
    appendHeap(md, spread);
    if (release != null) {
      appendRelease(md);
    }
    appendProblems(md);
    appendVerdict(md, spread);
    return md.toString();
  }

  /** The title, the maximum throughput and the soak's totals. */
  private void appendSummary(StringBuilder md) {
    Recorder.Minute closed = capacity.recorder().overall();
    Recorder.Minute all = recorder.overall();
    md.append("# Soak ").append(Instant.now().toString(), 0, 16).append("Z\n\n");
    md.append("Portal ").append(base).append(", release ").append(current);
    md.append(release == null ? "" : ", then " + next.newVersion()).append(".\n\n");
    md.append(
        String.format(
            Locale.ROOT,
            "- **Maximum throughput** (closed loop, %d clients, %d s after 5 s warm-up): **%.0f req/s**"
                + " (p50 %.1f ms, p99 %.1f ms, %d errors)%n",
            clients,
            maxSeconds,
            capacity.perSecond(),
            closed.quantileMillis(0.5),
            closed.quantileMillis(0.99),
            closed.errors()));
    md.append(
        String.format(
            Locale.ROOT,
            "- **Soak** (open loop, %.0f%% of it): %.0f req/s scheduled over %d connections for %s;"
                + " %d requests sent"
                + " (%.0f req/s), %d errors, %d mixed; latency from the scheduled time p50 %.1f ms,"
                + " p99 %.1f ms, max %.0f ms%n",
            rate / capacity.perSecond() * 100,
            rate,
            connections,
            length(seconds),
            all.requests(),
            all.requests() / (double) seconds,
            all.errors(),
            all.mixed(),
            all.quantileMillis(0.5),
            all.quantileMillis(0.99),
            all.quantileMillis(1.0)));
    md.append("- Requests by kind: ").append(recorder.requestsByKind()).append("\n\n");
  }

  /** A row per minute of the soak. */
  private void appendMinutes(StringBuilder md) {
    md.append(
        "| minute | requests | req/s | errors | mixed | p50 ms | p99 ms | max ms | heap after GC MB"
            + " | highest sample MB |\n");
    md.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (Map.Entry<Integer, Recorder.Minute> entry : recorder.minutes().entrySet()) {
      Recorder.Minute m = entry.getValue();
      md.append(
          String.format(
              Locale.ROOT,
              "| %d | %d | %.0f | %d | %d | %.1f | %.1f | %.0f | %s | %s |%n",
              entry.getKey(),
              m.requests(),
              m.requests() / 60.0,
              m.errors(),
              m.mixed(),
              m.quantileMillis(0.5),
              m.quantileMillis(0.99),
              m.quantileMillis(1.0),
              megabytes(m.heapAfterGc()),
              megabytes(m.heapPeak())));
    }
  }

  private void appendHeap(StringBuilder md, Double spread) {
    md.append(
            "\nLive heap after a full GC (jcmd GC.class_histogram at 10, 30 and 50 s of each minute, each"
                + " minute's lowest) from minute 2 on: ")
        .append(
            spread == null
                ? "not measured"
                : String.format(
                    Locale.ROOT,
                    "spread %.1f%% (limit %.0f%%)",
                    spread * 100,
                    HEAP_TOLERANCE * 100))
        .append(".\n");
  }

  /** When the release imported under load was committed and first served, by kind. */
  private void appendRelease(StringBuilder md) {
    md.append("\n## Release under load\n\n");
    md.append("Import of ").append(next.newVersion()).append(" (observation ");
    md.append(next.probe().indicator()).append(' ').append(next.probe().period());
    md.append(": ").append(next.probe().oldValue()).append(" → ").append(next.probe().newValue());
    md.append(") from a separate process (CPU priority: ").append(release.priority());
    md.append("), times from the start of the soak:\n\n");
    md.append("| event | at s | after commit s |\n|---|---:|---:|\n");
    long commit = release.committed();
    row(md, "import process started", release.started(), commit);
    row(md, "import committed (NOTIFY portal_release)", commit, commit);
    row(md, "import process ended (exit " + release.exitCode() + ")", release.ended(), commit);
    for (String kind : List.of("graphql", "search", "download", "page")) {
      Long seen = newReleaseSeen(kind);
      if (recorder.requestsByKind().containsKey(kind)) {
        row(md, "first " + kind + " response naming it", seen == null ? 0 : seen, commit);
      }
    }
    md.append(
            "\nResponses answered from the old release after one of the same kind had named the new: ")
        .append(recorder.wentBack())
        .append(".\n");
  }

  private void appendProblems(StringBuilder md) {
    if (!recorder.samples().isEmpty() || !capacity.recorder().samples().isEmpty()) {
      md.append("\n## First problems\n\n");
      capacity
          .recorder()
          .samples()
          .forEach(s -> md.append("- (max. throughput) ").append(s).append('\n'));
      recorder.samples().forEach(s -> md.append("- ").append(s).append('\n'));
    }
  }

  private void appendVerdict(StringBuilder md, Double spread) {
    List<String> failures = failures();
    md.append("\n**VERDICT: ")
        .append(failures.isEmpty() ? "PASS" : "FAIL")
        .append("** — ")
        .append(
            failures.isEmpty()
                ? "zero errors, no response mixing releases"
                    + (spread == null ? "" : ", heap after GC flat")
                    + (release == null ? "" : ", new release served")
                : String.join("; ", failures))
        .append('\n');
  }

  private static String megabytes(Long bytes) {
    return bytes == null ? "–" : String.format(Locale.ROOT, "%.1f", bytes / 1048576.0);
  }

  private void row(StringBuilder md, String event, long at, long commit) {
    if (at == 0) {
      md.append("| ").append(event).append(" | never | |\n");
      return;
    }
    md.append(
        String.format(
            Locale.ROOT,
            "| %s | %.2f | %s |%n",
            event,
            (at - start) / 1e9,
            commit == 0 ? "" : String.format(Locale.ROOT, "%+.2f", (at - commit) / 1e9)));
  }
}
