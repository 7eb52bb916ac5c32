package cn.qingtian.portal.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.qingtian.portal.LongTest;
import cn.qingtian.portal.TestDatabases;
import cn.qingtian.portal.dataset.PackageFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Killing the portal's {@code publish} or {@code import} command with SIGKILL, as a crash, an OOM
 * killer or an impatient operator would, at many moments of its run: a reader still finds one
 * complete site behind the site link, every download folder complete or absent, the database at the
 * previous release or the new one in full, and the next run succeeds and cleans up.
 */
@LongTest
class CrashSafetyTest {

  @TempDir Path temp;

  /** When to kill a run, asked every few milliseconds while it runs. */
  private record Moment(String name, Reached reached) {}

  private interface Reached {
    boolean by(PortalProcess process, Set<Path> buildsBefore);
  }

  @Test
  void aPublishKilledAtAnyMomentLeavesTheLastCompleteSiteAndWholeDownloads() throws Exception {
    String database = TestDatabases.newImportedDatabaseUrl();
    Path site = temp.resolve("site");
    Path builds = temp.resolve("site.builds");
    Path downloads = temp.resolve("downloads");
    List<String> report = new ArrayList<>();

    PortalProcess first = publish(database, site, downloads, "publish-1");
    assertThat(first.waitFor(600)).as(first.output()).isZero();
    // publish reads the database's release; it imports nothing (docs/reliability.md,
    // attack finding 3).
    assertThat(first.output()).contains("publishing release #1 (");
    assertThat(DatabaseState.of(database).releases()).isEqualTo(1);
    long publishMillis = first.elapsedMillis();
    int pages = PublishedFiles.assertCompleteSite(site);
    assertThat(PublishedFiles.assertCompleteDownloads(downloads)).isEqualTo(1);
    report.add("uninterrupted publish: " + publishMillis + " ms, " + pages + " pages in sitemap");

    List<Moment> moments = new ArrayList<>();
    moments.add(
        new Moment("a new build folder appears", (p, b) -> newBuild(builds, b).isPresent()));
    moments.add(
        new Moment(
            "the downloads are being written (.writing- folder)",
            (p, b) -> !leftovers(downloads, ".writing-").isEmpty()));
    for (int share : List.of(50)) {
      int written = pages * 2 * share / 100;
      moments.add(
          new Moment(
              share + "% of the pages written (" + written + " HTML files)",
              (p, old) -> newBuild(builds, old).map(b -> htmlFiles(b) >= written).orElse(false)));
    }
    moments.add(
        new Moment(
            "the build carries its datasets/ folder",
            (p, old) ->
                newBuild(builds, old).map(b -> Files.exists(b.resolve("datasets"))).orElse(false)));
    for (int share : List.of(60)) {
      long at = publishMillis * share / 100;
      moments.add(
          new Moment(
              share + "% of an uninterrupted run (" + at + " ms)",
              (p, b) -> p.elapsedMillis() >= at));
    }

    int run = 1;
    for (Moment moment : moments) {
      Set<Path> before = builds(builds);
      PortalProcess publish = publish(database, site, downloads, "publish-kill-" + run++);
      KillReport killed = killWhen(publish, moment, before);
      report.add(killed.toString());
      PublishedFiles.assertCompleteSite(site);
      PublishedFiles.assertCompleteDownloads(downloads);
    }
    List<String> buildsAfterKills = leftovers(builds, "build-");
    List<String> downloadLeftovers = leftovers(downloads, ".writing-", ".old-");
    report.add(
        "after the kills: "
            + buildsAfterKills.size()
            + " build folders, download leftovers "
            + downloadLeftovers);

    PortalProcess last = publish(database, site, downloads, "publish-last");
    assertThat(last.waitFor(600)).as(last.output()).isZero();
    report.add("publish after the kills: " + last.elapsedMillis() + " ms");
    PublishedFiles.assertCompleteSite(site);
    assertThat(PublishedFiles.assertCompleteDownloads(downloads)).isEqualTo(1);
    assertThat(leftovers(builds, "build-"))
        .as("the live build and the one before it, for requests in flight; no leftovers")
        .hasSizeLessThanOrEqualTo(2);
    assertThat(leftovers(downloads, ".writing-", ".old-"))
        .as("work folders of killed download writers")
        .isEmpty();
    assertThat(leftovers(temp, "site.next")).as("a half-made link").isEmpty();
    System.out.println("CrashSafetyTest publish:\n  " + String.join("\n  ", report));
  }

  @Test
  void anImportKilledAtAnyMomentLeavesThePreviousReleaseOrTheWholeNewOne() throws Exception {
    String database = TestDatabases.newImportedDatabaseUrl();
    String twin = TestDatabases.newImportedDatabaseUrl();
    List<String> report = new ArrayList<>();
    DatabaseState previous = DatabaseState.of(twin);
    assertThat(DatabaseState.of(database)).isEqualTo(previous);
    Path changed =
        PackageFixture.copyOfBundled(temp.resolve("changed"))
            .version("1.1.0")
            .replace("measures.csv", "扩大就业容量", "扩大就业容量（修订）")
            .edit(
                "measure_departments.csv",
                text -> text.replace("qt-kzt-2021-2025,P01,4,INVEST\n", ""))
            .directory();

    PortalProcess uninterrupted = importInto(twin, "import-twin", changed);
    assertThat(uninterrupted.waitFor(600)).as(uninterrupted.output()).isZero();
    long importMillis = uninterrupted.elapsedMillis();
    DatabaseState next = DatabaseState.of(twin);
    assertThat(next.releases()).isEqualTo(2);
    assertThat(next).isNotEqualTo(previous);
    int tableLines = tableLines(uninterrupted);
    report.add(
        "uninterrupted import of release 2: " + importMillis + " ms, " + tableLines + " tables");

    List<Moment> moments = new ArrayList<>();
    moments.add(new Moment("it says it imports", (p, b) -> p.printed(l -> l.startsWith("导入"))));
    for (int table : List.of(1)) {
      moments.add(
          new Moment(
              table + " of " + tableLines + " tables written", (p, b) -> tableLines(p) >= table));
    }
    moments.add(
        new Moment(
            "it says the release is published (before its commit)",
            (p, b) -> p.printed(l -> l.startsWith("已发布版本"))));
    for (int share : List.of(60)) {
      long at = importMillis * share / 100;
      moments.add(
          new Moment(
              share + "% of an uninterrupted run (" + at + " ms)",
              (p, b) -> p.elapsedMillis() >= at));
    }
    int run = 1;
    for (Moment moment : moments) {
      PortalProcess killed = importInto(database, "import-kill-" + run++, changed);
      KillReport kill = killWhen(killed, moment, Set.of());
      long lockReleased = System.nanoTime();
      await("the importer's advisory lock is released with its connection")
          .atMost(Duration.ofSeconds(30))
          .pollDelay(Duration.ZERO)
          .pollInterval(Duration.ofMillis(20))
          .until(() -> DatabaseState.advisoryLocks(database) == 0);
      DatabaseState state = DatabaseState.of(database);
      assertThat(state).as("after a kill when " + moment.name()).isIn(previous, next);
      report.add(
          kill
              + " → "
              + (state.equals(next) ? "release 2 whole" : "release 1 unchanged")
              + ", lock free after "
              + (System.nanoTime() - lockReleased) / 1_000_000
              + " ms");
    }

    PortalProcess again = importInto(database, "import-again", changed);
    assertThat(again.waitFor(600)).as(again.output()).isZero();
    report.add("import after the kills: " + again.elapsedMillis() + " ms");
    assertThat(DatabaseState.of(database)).isEqualTo(next);
    assertThat(DatabaseState.advisoryLocks(database)).isZero();
    System.out.println("CrashSafetyTest import:\n  " + String.join("\n  ", report));
  }

  /** The per-table lines an import prints, such as {@code measures: +0 ~1 -0}. */
  private static int tableLines(PortalProcess process) {
    return (int)
        process.lines().stream().filter(l -> l.matches("^[a-z_.]+: \\+[0-9]+ ~.*")).count();
  }

  private record KillReport(String moment, long killedAtMillis, boolean finishedFirst) {
    @Override
    public String toString() {
      return finishedFirst
          ? "'" + moment + "': the run finished (" + killedAtMillis + " ms) before the moment came"
          : "killed at " + killedAtMillis + " ms when " + moment;
    }
  }

  private static KillReport killWhen(PortalProcess process, Moment moment, Set<Path> before)
      throws InterruptedException {
    // Polled often: the interval is how late after the moment the kill may come.
    await("the moment '" + moment.name() + "' or the end of the run")
        .atMost(Duration.ofMinutes(10))
        .pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofMillis(5))
        .until(() -> !process.isAlive() || moment.reached().by(process, before));
    if (process.isAlive()) {
      return new KillReport(moment.name(), process.kill(), false);
    }
    process.waitFor(10);
    return new KillReport(moment.name(), process.elapsedMillis(), true);
  }

  private static PortalProcess importInto(String database, String name, Path... packages) {
    List<String> args = new ArrayList<>();
    args.add("import");
    Stream.of(packages).map(Path::toString).forEach(args::add);
    args.add(PackageFixture.DEMO.toString());
    args.add("--portal.database.url=" + database);
    // The import command alone: without them its context would also publish the site and the
    // downloads of the release current when it starts, into the default folders.
    args.add("--portal.site.publish-on-release=false");
    args.add("--portal.downloads.write-on-release=false");
    return PortalProcess.start(
        Path.of("target", "crash-" + name + ".log"), args.toArray(String[]::new));
  }

  private static PortalProcess publish(String database, Path site, Path downloads, String name) {
    return PortalProcess.start(
        Path.of("target", "crash-" + name + ".log"),
        "publish",
        "--out",
        site.toString(),
        "--portal.database.url=" + database,
        "--portal.downloads.directory=" + downloads);
  }

  private static Set<Path> builds(Path builds) {
    if (!Files.isDirectory(builds)) {
      return Set.of();
    }
    try (Stream<Path> entries = Files.list(builds)) {
      return entries
          .filter(p -> p.getFileName().toString().startsWith("build-"))
          .collect(Collectors.toSet());
    } catch (IOException e) {
      return Set.of();
    }
  }

  /** The build folder this run made: one that was not there before it started. */
  private static Optional<Path> newBuild(Path builds, Set<Path> before) {
    return builds(builds).stream().filter(b -> !before.contains(b)).findFirst();
  }

  private static long htmlFiles(Path build) {
    try (Stream<Path> files = Files.walk(build)) {
      return files.filter(p -> p.toString().endsWith(".html")).count();
    } catch (IOException | java.io.UncheckedIOException e) {
      return 0;
    }
  }

  private static List<String> leftovers(Path folder, String... prefixes) {
    try {
      return PublishedFiles.leftovers(folder, prefixes);
    } catch (IOException e) {
      return List.of();
    }
  }
}
