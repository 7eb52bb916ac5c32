package cn.qingtian.portal.soak;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The soak's load generator (bench/soak/run.sh runs it): finds the maximum throughput of a running
 * portal on the mixed {@link Workload} with a closed loop, then sends 80% of it in an open loop for
 * some minutes, importing the next release from another process half-way; reports each minute's
 * requests, errors, mixed responses, latencies and the server's heap after GC, writes a Markdown
 * report and ends with a PASS or FAIL line (exit code 0 or 1).
 *
 * <pre>
 * SoakLoad --url http://127.0.0.1:18520 [--pid N] [--minutes 10 | --seconds 20] [--fraction 0.8]
 *          [--clients 24] [--max-seconds 20] [--connections 64] [--datasets datasets] [--no-pages]
 *          [--import-jar portal.jar --database-url postgresql://…] [--import-nice 19]
 *          [--out report.md]
 * </pre>
 *
 * <p>{@code --seconds} (bench/soak/run.sh's smoke mode) replaces {@code --minutes}. A load that is
 * not whole minutes has no heap samples and no per-minute log lines, and a load under 2 minutes
 * imports no release (ReleaseUnderLoadTest covers that path).
 */
public final class SoakLoad {

  private static final int HEAP_SAMPLES = 3;

  private SoakLoad() {}

  public static void main(String[] arguments) throws Exception {
    Options options = Options.of(options(arguments));
    Path work = Files.createTempDirectory("soak");

    HttpClient client = httpClient();
    NextRelease next = NextRelease.write(options.datasets(), work.resolve("next"));
    String current = currentVersion(client, options.base());
    if (!current.equals(next.oldVersion())) {
      throw new IllegalStateException(
          "the portal serves " + current + ", the datasets are " + next.oldVersion());
    }
    log("serving " + current + "; the next release will be " + next.newVersion());
    Workload workload = Workload.discover(client, options.base(), next, options.pages());
    log("workload: " + workload.sizes() + " distinct requests");
    checkBeforeLoad(client, workload);

    LoadDriver driver = new LoadDriver(client, workload);
    LoadDriver.Capacity capacity =
        capacity(driver, options.clients(), options.maxSeconds(), current);
    double rate = capacity.perSecond() * options.fraction();
    int seconds = options.seconds();
    log(
        String.format(
            Locale.ROOT,
            "open loop: %.0f req/s over %d connections for %s",
            rate,
            options.connections(),
            SoakReport.length(seconds)));

    long start = System.nanoTime() + 200_000_000L;
    Recorder recorder = new Recorder(start, current);
    ServerHeap heap = options.pid() == null ? null : new ServerHeap(options.pid());
    ReleaseSwitch release = null;
    if (options.importJar() != null) {
      release = importHalfWay(next, options, work, start);
    }
    // The monitor reports whole minutes only: none for a load of a few seconds.
    Thread monitor = seconds % 60 == 0 ? monitor(recorder, start, seconds / 60, heap) : null;
    driver.openLoop(rate, Duration.ofSeconds(seconds), options.connections(), recorder, start);
    awaitEnd(monitor, release);
    SoakReport report =
        new SoakReport(
            options.base(),
            current,
            next,
            options.clients(),
            options.maxSeconds(),
            capacity,
            rate,
            options.connections(),
            seconds,
            recorder,
            release,
            start);
    writeReport(report, options.out());
    System.exit(report.passed() ? 0 : 1);
  }

  private static HttpClient httpClient() {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10))
        .build();
  }

  /** Waits for the last minute's log line and for the import, if any, to end. */
  private static void awaitEnd(Thread monitor, ReleaseSwitch release) throws Exception {
    if (monitor != null) {
      monitor.join(TimeUnit.SECONDS.toMillis(120));
    }
    if (release != null) {
      release.await(300);
      release.close();
    }
  }

  /** The command line's options, with their defaults. */
  private record Options(
      URI base,
      int seconds,
      double fraction,
      int clients,
      int connections,
      int maxSeconds,
      Long pid,
      Path datasets,
      String databaseUrl,
      String importJar,
      String importNice,
      boolean pages,
      Path out) {

    static Options of(Map<String, String> options) {
      int minutes = Integer.parseInt(options.getOrDefault("minutes", "10"));
      int seconds =
          options.containsKey("seconds")
              ? Integer.parseInt(options.get("seconds"))
              : Math.multiplyExact(minutes, 60);
      String importJar = options.get("import-jar");
      if (importJar != null && seconds < 120) {
        // Imported at half time, a release takes 20–45 s to commit and a few more to be served.
        throw new IllegalArgumentException(
            seconds + " s of load: at least 2 minutes when a release is imported half-way");
      }
      return new Options(
          URI.create(options.getOrDefault("url", "http://127.0.0.1:8080")),
          seconds,
          Double.parseDouble(options.getOrDefault("fraction", "0.8")),
          Integer.parseInt(options.getOrDefault("clients", "24")),
          Integer.parseInt(options.getOrDefault("connections", "64")),
          Integer.parseInt(options.getOrDefault("max-seconds", "20")),
          options.containsKey("pid") ? Long.parseLong(options.get("pid")) : null,
          Path.of(options.getOrDefault("datasets", "datasets")),
          options.get("database-url"),
          importJar,
          options.getOrDefault("import-nice", "19"),
          !options.containsKey("no-pages"),
          reportPath(options));
    }
  }

  private static void writeReport(SoakReport report, Path out) throws Exception {
    String markdown = report.markdown();
    Files.writeString(out, markdown, StandardCharsets.UTF_8);
    System.out.println();
    System.out.println(markdown);
    log("report written to " + out);
  }

  private static Path reportPath(Map<String, String> options) {
    return Path.of(
        options.getOrDefault(
            "out",
            "soak-"
                + DateTimeFormatter.ofPattern("yyyyMMdd-HHmm")
                    .withZone(ZoneOffset.UTC)
                    .format(Instant.now())
                + ".md"));
  }

  /** Sends every request of the workload once; fails when any is broken before any load. */
  private static void checkBeforeLoad(HttpClient client, Workload workload) throws Exception {
    List<String> broken = new ArrayList<>();
    for (Workload.Call call : workload.all()) {
      Outcome outcome =
          call.check().judge(client.send(call.request(), HttpResponse.BodyHandlers.ofByteArray()));
      if (outcome.isError() || outcome.isMixed()) {
        broken.add(call.label() + ": " + (outcome.isError() ? outcome.error() : outcome.mixed()));
      }
    }
    if (!broken.isEmpty()) {
      broken.forEach(b -> log("  broken before the load: " + b));
      throw new IllegalStateException(broken.size() + " requests fail before any load");
    }
  }

  /** The maximum throughput, measured by a closed loop of {@code clients}. */
  private static LoadDriver.Capacity capacity(
      LoadDriver driver, int clients, int maxSeconds, String current) throws Exception {
    log("maximum throughput: " + clients + " clients, closed loop, 5 s + " + maxSeconds + " s");
    LoadDriver.Capacity capacity =
        driver.closedLoop(clients, Duration.ofSeconds(5), Duration.ofSeconds(maxSeconds), current);
    Recorder.Minute closed = capacity.recorder().overall();
    log(
        String.format(
            Locale.ROOT,
            "  %.0f req/s (p50 %.1f ms, p99 %.1f ms, %d errors)",
            capacity.perSecond(),
            closed.quantileMillis(0.5),
            closed.quantileMillis(0.99),
            closed.errors()));
    return capacity;
  }

  /** Starts the import of the next release in another process half-way through the load. */
  private static ReleaseSwitch importHalfWay(
      NextRelease next, Options options, Path work, long start) throws Exception {
    // By default as docs/operations.md advises on a machine that also serves: at the lowest CPU
    // priority, so that the import takes the CPU the server leaves idle, not a fair share of it.
    List<String> command = new ArrayList<>(List.of("nice", "-n", options.importNice()));
    command.addAll(
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-jar",
            options.importJar()));
    command.addAll(next.importArguments(options.databaseUrl()));
    ReleaseSwitch importing =
        new ReleaseSwitch(command, work.resolve("import.log"), options.databaseUrl());
    long half = start + Duration.ofSeconds(options.seconds()).toNanos() / 2;
    Thread starter =
        new Thread(
            () -> {
              waitUntil(half);
              log("importing " + next.newVersion() + " from another process");
              importing.start();
            },
            "import-starter");
    starter.setDaemon(true);
    starter.start();
    return importing;
  }

  /**
   * Samples the server's heap after GC {@value #HEAP_SAMPLES} times a minute, at 10, 30 and 50 s
   * into it (a minute's lowest is what stays live; one sample alone may fall inside the preparation
   * of the new release and count it), and logs each minute's figures at its end.
   */
  private static Thread monitor(Recorder recorder, long start, int minutes, ServerHeap heap) {
    long minuteNanos = 60_000_000_000L;
    long every = minuteNanos / HEAP_SAMPLES;
    Thread monitor =
        new Thread(
            () -> {
              for (int minute = 1; minute <= minutes; minute++) {
                long from = start + (minute - 1) * minuteNanos;
                for (int sample = 0; sample < HEAP_SAMPLES; sample++) {
                  waitUntil(from + every / 2 + sample * every);
                  long bytes = heap == null ? -1 : heap.afterGc();
                  if (bytes >= 0) {
                    recorder.heapAfterGc(minute, bytes);
                  }
                }
                waitUntil(from + minuteNanos);
                Recorder.Minute m = recorder.minutes().get(minute);
                log(
                    m == null
                        ? "  minute " + minute + ": no requests"
                        : String.format(
                            Locale.ROOT,
                            "  minute %d: %d requests, %d errors, %d mixed, p50 %.1f ms,"
                                + " p99 %.1f ms, heap %s",
                            minute,
                            m.requests(),
                            m.errors(),
                            m.mixed(),
                            m.quantileMillis(0.5),
                            m.quantileMillis(0.99),
                            m.heapAfterGc() == null
                                ? "-"
                                : m.heapAfterGc() / (1024 * 1024)
                                    + "–"
                                    + m.heapPeak() / (1024 * 1024)
                                    + " MB"));
              }
            },
            "soak-monitor");
    monitor.setDaemon(true);
    monitor.start();
    return monitor;
  }

  private static void waitUntil(long nanoTime) {
    long wait;
    while ((wait = nanoTime - System.nanoTime()) > 0) {
      LockSupport.parkNanos(wait);
    }
  }

  static String currentVersion(HttpClient client, URI base) throws Exception {
    var response =
        client.send(
            java.net.http.HttpRequest.newBuilder(base.resolve("/graphql"))
                .header("Content-Type", "application/json")
                .POST(
                    java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"query\":\"{ currentRelease { version } }\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    return Workload.JSON
        .readTree(response.body())
        .path("data")
        .path("currentRelease")
        .path("version")
        .asString();
  }

  private static Map<String, String> options(String[] arguments) {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i < arguments.length; i++) {
      if (!arguments[i].startsWith("--")) {
        throw new IllegalArgumentException("unknown argument " + arguments[i]);
      }
      String name = arguments[i].substring(2);
      if (name.equals("no-pages")) {
        options.put(name, "true");
      } else {
        options.put(name, arguments[++i]);
      }
    }
    return options;
  }

  static void log(String message) {
    System.out.println(
        "["
            + DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC).format(Instant.now())
            + "] "
            + message);
  }
}
