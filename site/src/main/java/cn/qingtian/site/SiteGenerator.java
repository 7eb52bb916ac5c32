package cn.qingtian.site;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The site module's generator (no Spring, no server): builds the whole site for every language into
 * a fresh folder, then switches it in atomically: {@code out} is a symbolic link to the latest
 * complete build, replaced by one rename. A failed build leaves the previous site untouched. Pages
 * are rendered in parallel; output is deterministic (no clock, stable order), so the same release
 * gives byte-identical files.
 */
public final class SiteGenerator {

  static final List<String> LANGUAGES = List.of("zh", "en");
  private static final List<String> ASSETS =
      List.of(
          "site.css",
          "site.js",
          "search.js",
          PageContext.SHARE_IMAGE,
          PageContext.DEMO_SHARE_IMAGE);
  private static final String BUILD_PREFIX = "build-";
  private static final String LOCK = ".lock";

  private final GraphQlTransport transport;
  private final SiteSettings settings;
  private final Consumer<String> progress;
  private final ExtraFiles extraFiles;
  private final SiteRenderer renderer = new SiteRenderer();

  public SiteGenerator(
      GraphQlTransport transport, SiteSettings settings, Consumer<String> progress) {
    this(transport, settings, progress, ExtraFiles.NONE);
  }

  /**
   * @param extraFiles called by {@link #publish} with each build folder once the site is written
   *     into it and before it is switched live
   */
  public SiteGenerator(
      GraphQlTransport transport,
      SiteSettings settings,
      Consumer<String> progress,
      ExtraFiles extraFiles) {
    this.transport = transport;
    this.settings = settings;
    this.progress = progress;
    this.extraFiles = extraFiles;
  }

  /** This publisher, adding {@code extraFiles} to every build before switching it live. */
  public SiteGenerator withExtraFiles(ExtraFiles extraFiles) {
    return new SiteGenerator(transport, settings, progress, extraFiles);
  }

  private static SiteData join(CompletableFuture<SiteData> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
  }

  /** What a build produced. */
  public record Result(
      Path build, int pages, Api.Release release, long fetchMillis, long renderMillis) {}

  public Result publish(Path out) {
    long start = System.nanoTime();
    Map<String, SiteData> data = fetchAll();
    long fetched = System.nanoTime();
    List<PageSpec> pages = new ArrayList<>();
    boolean demoBuild = data.values().stream().anyMatch(SiteData::holdsDemo);
    data.values().forEach(d -> pages.addAll(pagesOf(d, demoBuild)));
    Path builds = buildsFolder(out);
    Path build;
    long rendered;
    try {
      Files.createDirectories(builds);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + builds, e);
    }
    // One publisher at a time per site: whatever it finds besides the live build and the one
    // before it is then the remains of a publisher that died (killed mid-build) and is removed.
    try (FolderLock lock = FolderLock.acquire(builds.resolve(LOCK))) {
      build = newBuildFolder(builds);
      Path previous = liveBuild(out);
      try {
        writeBuild(build, pages, data);
        switchTo(out, build);
      } catch (RuntimeException e) {
        deleteQuietly(build);
        throw e;
      }
      rendered = System.nanoTime();
      cleanOldBuilds(builds, build, previous);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot lock " + builds, e);
    }
    Api.Release release = data.get("zh").overview().currentRelease();
    progress.accept(
        "published " + pages.size() + " pages of release #" + release.number() + " to " + out);
    return new Result(
        build,
        pages.size(),
        release,
        (fetched - start) / 1_000_000,
        (rendered - fetched) / 1_000_000);
  }

  /** Fetches every language side by side: the API answers them on both cores. */
  private Map<String, SiteData> fetchAll() {
    Map<String, CompletableFuture<SiteData>> fetching = new TreeMap<>();
    for (String lang : LANGUAGES) {
      progress.accept("fetching " + lang + " …");
      fetching.put(
          lang,
          CompletableFuture.supplyAsync(
              () -> SiteData.fetch(transport, settings.planCode(), lang)));
    }
    Map<String, SiteData> data = new TreeMap<>();
    fetching.forEach((lang, future) -> data.put(lang, join(future)));
    return data;
  }

  private static Path newBuildFolder(Path builds) {
    try {
      Path build = Files.createTempDirectory(builds, BUILD_PREFIX);
      // Readable by the web server that may host it, like any published folder.
      Files.setPosixFilePermissions(build, PosixFilePermissions.fromString("rwxr-xr-x"));
      return build;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a build folder in " + builds, e);
    }
  }

  /** Writes the pages, assets, sitemap, feeds, search indexes and extra files of a build. */
  private void writeBuild(Path build, List<PageSpec> pages, Map<String, SiteData> data) {
    render(build, pages);
    writeAssets(build);
    writeText(build.resolve("sitemap.xml"), sitemap(pages));
    data.forEach(
        (lang, d) -> {
          String prefix = lang.equals("en") ? "en/" : "";
          writeText(
              build.resolve(prefix + AtomFeeds.ACHIEVEMENTS), AtomFeeds.achievements(d, settings));
          writeText(build.resolve(prefix + AtomFeeds.RELEASES), AtomFeeds.releases(d, settings));
          writeText(build.resolve(prefix + StaticSearchIndex.FILE), StaticSearchIndex.of(d));
        });
    writeText(build.resolve("robots.txt"), robots());
    writeExtraFiles(build);
  }

  /** A page to write: its file, template and model. */
  record PageSpec(String lang, String path, String file, String template, Object model) {}

  /**
   * @param demoBuild whether the build holds DEMO data in any language
   */
  private List<PageSpec> pagesOf(SiteData data, boolean demoBuild) {
    Contexts contexts =
        new Contexts(data.lang(), data.overview().currentRelease(), demoBuild, settings);
    Messages t = Messages.of(data.lang());
    List<PageSpec> pages = new ArrayList<>();
    pages.addAll(homeAndIndicatorPages(data, contexts, t));
    pages.addAll(planPages(data, contexts, t));
    pages.addAll(departmentPages(data, contexts, t));
    pages.addAll(charityPages(data, contexts, t));
    pages.addAll(achievementPages(data, contexts, t));
    pages.addAll(incomePages(data, contexts, t));
    pages.addAll(infoPages(data, contexts, t));
    return pages;
  }

  /** The home page, the indicator list and a page per indicator. */
  private List<PageSpec> homeAndIndicatorPages(SiteData data, Contexts contexts, Messages t) {
    boolean demo = data.hasDemo();
    Api.Plan plan = data.overview().plan();
    List<PageSpec> pages = new ArrayList<>();
    PageContext home = contexts.of("", t.get("home.title"), plan.title(), demo);
    pages.add(
        page(home, "index.html", "home", new Pages.Home(home, data.overview(), cards(data, t))));
    PageContext list = contexts.of("indicators/", t.get("indicators"), plan.title(), demo);
    pages.add(
        page(
            list,
            "indicators/index.html",
            "indicators",
            new Pages.IndicatorList(list, data.indicators())));
    String place = data.overview().planGeography();
    for (Api.Indicator indicator : data.indicators()) {
      String path = "indicators/" + indicator.code() + "/";
      String summary =
          indicator.targets().isEmpty()
              ? indicator.definition()
              : indicator.targets().get(0).progress().summary();
      PageContext page = contexts.of(path, indicator.name(), summary, indicator.hasDemo());
      pages.add(
          page(
              page,
              path + "index.html",
              "indicator",
              new Pages.Indicator(
                  page,
                  indicator,
                  place,
                  ChartLayout.of(indicator, place, t),
                  dataLinks(data, "observations", "targets", "indicators"))));
    }
    return pages;
  }

  /** The plan's structure, a page per measure and a page per target group. */
  private List<PageSpec> planPages(SiteData data, Contexts contexts, Messages t) {
    boolean demo = data.hasDemo();
    Api.Plan plan = data.overview().plan();
    List<PageSpec> pages = new ArrayList<>();
    PageContext structure = contexts.of("plan/", t.get("nav.plan"), plan.title(), demo);
    pages.add(
        page(
            structure,
            "plan/index.html",
            "plan",
            new Pages.Plan(structure, data.overview(), data.measuresByCode())));
    for (Api.Measure measure : data.measures()) {
      String path = "measures/" + measure.code() + "/";
      List<Api.Achievement> achievements =
          data.achievements().stream().filter(a -> a.serves(measure.code())).toList();
      boolean measureDemo = measure.progress().provenance().equals("DEMO") || anyDemo(achievements);
      PageContext page =
          contexts.of(path, measure.code() + " " + measure.title(), measure.summary(), measureDemo);
      pages.add(
          page(
              page,
              path + "index.html",
              "measure",
              new Pages.Measure(
                  page,
                  measure,
                  achievements,
                  dataLinks(data, "measures", "measure-departments", "achievements"))));
    }
    for (Api.Group group : plan.targetGroups().nodes()) {
      String path = "groups/" + group.code() + "/";
      List<Api.Measure> measures =
          group.measures().nodes().stream().map(c -> data.measuresByCode().get(c.code())).toList();
      List<Api.Achievement> achievements =
          data.achievements().stream()
              .filter(a -> a.targetGroups().stream().anyMatch(g -> g.code().equals(group.code())))
              .toList();
      boolean groupDemo =
          measures.stream().anyMatch(m -> m.progress().provenance().equals("DEMO"))
              || anyDemo(achievements);
      PageContext page = contexts.of(path, group.title(), group.group(), groupDemo);
      pages.add(
          page(
              page,
              path + "index.html",
              "group",
              new Pages.Group(page, group, measures, achievements)));
    }
    return pages;
  }

  /** The department list and a page per department. */
  private List<PageSpec> departmentPages(SiteData data, Contexts contexts, Messages t) {
    Api.Plan plan = data.overview().plan();
    List<PageSpec> pages = new ArrayList<>();
    PageContext units = contexts.of("departments/", t.get("departments"), plan.title(), false);
    pages.add(
        page(
            units,
            "departments/index.html",
            "departments",
            new Pages.DepartmentList(units, data.departments())));
    for (Api.Department department : data.departments()) {
      String path = "departments/" + department.code() + "/";
      List<Api.Achievement> achievements =
          data.achievements().stream()
              .filter(
                  a -> a.departments().stream().anyMatch(d -> d.code().equals(department.code())))
              .toList();
      boolean unitDemo =
          department.progress().provenance().equals("DEMO") && department.progress().total() > 0
              || anyDemo(achievements);
      PageContext page =
          contexts.of(
              path,
              department.name(),
              department.fullName() == null ? department.name() : department.fullName(),
              unitDemo);
      pages.add(
          page(
              page,
              path + "index.html",
              "department",
              new Pages.Department(
                  page,
                  department,
                  department.measures().edges().stream()
                      .map(edge -> data.measuresByCode().get(edge.node().code()))
                      .toList(),
                  achievements)));
    }
    return pages;
  }

  /** The charity directory and a page per charity. */
  private List<PageSpec> charityPages(SiteData data, Contexts contexts, Messages t) {
    List<PageSpec> pages = new ArrayList<>();
    boolean charityDemo = data.charities().stream().anyMatch(c -> c.provenance().equals("DEMO"));
    PageContext directory =
        contexts.of("charities/", t.get("charities"), t.get("charities"), charityDemo);
    List<String> fields =
        data.charities().stream().flatMap(c -> c.fields().stream()).distinct().sorted().toList();
    pages.add(
        page(
            directory,
            "charities/index.html",
            "charities",
            new Pages.CharityList(directory, data.charities(), fields)));
    for (Api.Charity charity : data.charities()) {
      String path = "charities/" + charity.code() + "/";
      boolean charityIsDemo = charity.provenance().equals("DEMO");
      PageContext page =
          contexts.of(
              path,
              charity.name(),
              charityIsDemo ? t.demoSentence(charity.name()) : charity.name(),
              charityIsDemo);
      pages.add(
          page(
              page,
              path + "index.html",
              "charity",
              new Pages.Charity(
                  page,
                  charity,
                  FinanceChart.of(charity, t),
                  dataLinks(data, "charities", "charity-finances", "charity-grants"))));
    }
    return pages;
  }

  /** The timeline of achievements by year. */
  private List<PageSpec> achievementPages(SiteData data, Contexts contexts, Messages t) {
    List<PageSpec> pages = new ArrayList<>();
    PageContext timeline =
        contexts.of(
            "achievements/",
            t.get("achievements"),
            t.get("achievements.lede"),
            anyDemo(data.achievements()));
    Map<Integer, List<Api.Achievement>> byYear = new TreeMap<>(java.util.Comparator.reverseOrder());
    data.achievements()
        .forEach(a -> byYear.computeIfAbsent(a.year(), y -> new ArrayList<>()).add(a));
    pages.add(
        page(
            timeline,
            "achievements/index.html",
            "achievements",
            new Pages.AchievementList(timeline, byYear)));
    return pages;
  }

  /** The income overview and a page per year. */
  private List<PageSpec> incomePages(SiteData data, Contexts contexts, Messages t) {
    List<PageSpec> pages = new ArrayList<>();
    List<Integer> incomeYears =
        data.income().stream().map(y -> y.township().year()).sorted().toList();
    boolean incomeDemo =
        data.income().stream().anyMatch(y -> "DEMO".equals(y.township().provenance()));
    PageContext income = contexts.of("income/", t.get("income"), t.get("income.lede"), incomeDemo);
    pages.add(
        page(
            income,
            "income/index.html",
            "income",
            new Pages.Income(income, data.disclosure(), incomeYears)));
    for (Api.IncomeYear year : data.income()) {
      String path = "income/" + year.township().year() + "/";
      PageContext page =
          contexts.of(
              path,
              t.get("income") + " " + year.township().year(),
              t.get("income.lede"),
              "DEMO".equals(year.township().provenance()));
      pages.add(page(page, path + "index.html", "incomeyear", new Pages.IncomeYear(page, year)));
    }
    return pages;
  }

  /** About, search, downloads, the API guide and the page for a missing address. */
  private List<PageSpec> infoPages(SiteData data, Contexts contexts, Messages t) {
    boolean demo = data.hasDemo();
    Api.Plan plan = data.overview().plan();
    List<PageSpec> pages = new ArrayList<>();
    PageContext about = contexts.of("about/", t.get("about.title"), plan.title(), false);
    pages.add(page(about, "about/index.html", "about", new Pages.Info(about, data.overview())));
    PageContext search = contexts.of("search/", t.get("search"), plan.title(), demo);
    pages.add(page(search, "search/index.html", "search", new Pages.Info(search, data.overview())));
    boolean downloadsDemo =
        data.downloads().datasets().stream().anyMatch(Api.Dataset::containsDemoData);
    PageContext downloads =
        contexts.of("downloads/", t.get("downloads.title"), t.get("downloads.lede"), downloadsDemo);
    pages.add(
        page(
            downloads,
            "downloads/index.html",
            "downloads",
            new Pages.Downloads(
                downloads, data.downloads(), data.releases(), data.earlierReleaseFiles())));
    PageContext api = contexts.of("api/", t.get("api.title"), plan.title(), false);
    pages.add(page(api, "api/index.html", "api", new Pages.ApiGuide(api, Newsroom.questions())));
    PageContext missing = contexts.of("404.html", t.get("notfound.title"), plan.title(), false);
    pages.add(page(missing, "404.html", "notfound", new Pages.Info(missing, data.overview())));
    return pages;
  }

  private static Pages.DataLinks dataLinks(SiteData data, String... datasets) {
    return new Pages.DataLinks(data.version(), data.datasets(datasets));
  }

  private static boolean anyDemo(List<Api.Achievement> achievements) {
    return Pages.anyDemo(achievements);
  }

  private List<Pages.Card> cards(SiteData data, Messages t) {
    List<Pages.Card> cards = new ArrayList<>();
    for (Api.Indicator indicator : data.indicators()) {
      if (indicator.area() == null
          || indicator.targets().isEmpty()
          || indicator.progress() == null) {
        continue;
      }
      Api.Target target = indicator.targets().get(0);
      var latest =
          indicator.observations().nodes().stream()
              .filter(Api.Observation::annual)
              .reduce((a, b) -> b);
      cards.add(
          new Pages.Card(
              indicator.code(),
              indicator.name(),
              indicator.nameText().lang().equals("EN") ? "en" : "zh-CN",
              indicator.area().code(),
              indicator.progress().status(),
              indicator.progress().provenance(),
              latest
                  .map(o -> o.period() + ": " + Format.withUnit(o.value(), indicator.unit()))
                  .orElse(null),
              latest.map(o -> o.provenance().equals("DEMO")).orElse(false),
              target.text(),
              target.progress().summary(),
              ChartLayout.sparkline(indicator, 120, 32)));
    }
    return cards;
  }

  /** Makes the contexts of one language's pages in a build. */
  private record Contexts(
      String lang, Api.Release release, boolean demoBuild, SiteSettings settings) {

    PageContext of(String path, String title, String description, boolean demo) {
      return new PageContext(lang, path, title, description, release, demo, demoBuild, settings);
    }
  }

  private static PageSpec page(PageContext context, String file, String template, Object model) {
    return new PageSpec(context.lang(), context.path(), file, template, model);
  }

  private void render(Path build, List<PageSpec> pages) {
    AtomicInteger done = new AtomicInteger();
    int step = Math.max(50, pages.size() / 10);
    pages.parallelStream()
        .forEach(
            spec -> {
              String html = renderer.render(spec.template(), spec.model());
              String prefix = spec.lang().equals("en") ? "en/" : "";
              Path file = build.resolve(prefix + spec.file()).normalize();
              if (!file.startsWith(build.normalize())) {
                // A code that names a page climbs out of the build
                // (docs/reliability.md, attack finding 1).
                throw new IllegalStateException("not a page of the site: " + spec.file());
              }
              writeText(file, html);
              int count = done.incrementAndGet();
              if (count % step == 0) {
                progress.accept("rendered " + count + " / " + pages.size() + " pages");
              }
            });
  }

  private String sitemap(List<PageSpec> pages) {
    StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    xml.append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    pages.stream()
        .filter(p -> !p.file().equals("404.html"))
        .map(p -> settings.absolute((p.lang().equals("en") ? "en/" : "") + p.path()))
        .sorted()
        .forEach(url -> xml.append("  <url><loc>").append(xmlEscape(url)).append("</loc></url>\n"));
    return xml.append("</urlset>\n").toString();
  }

  private void writeExtraFiles(Path build) {
    try {
      extraFiles.writeInto(build);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot add the extra files to " + build, e);
    }
  }

  private String robots() {
    return "User-agent: *\nAllow: /\nSitemap: " + settings.absolute("sitemap.xml") + "\n";
  }

  private static String xmlEscape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static void writeAssets(Path build) {
    for (String asset : ASSETS) {
      try (InputStream in = SiteGenerator.class.getResourceAsStream("/assets/" + asset)) {
        if (in == null) {
          throw new SiteException("missing asset " + asset);
        }
        Path target = build.resolve("assets").resolve(asset);
        Files.createDirectories(target.getParent());
        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static void writeText(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  static Path buildsFolder(Path out) {
    Path absolute = out.toAbsolutePath().normalize();
    return absolute.resolveSibling(absolute.getFileName() + ".builds");
  }

  /** Points {@code out} at {@code build} with one atomic rename of a fresh symbolic link. */
  private static void switchTo(Path out, Path build) {
    Path absolute = out.toAbsolutePath().normalize();
    try {
      if (Files.exists(absolute, LinkOption.NOFOLLOW_LINKS) && !Files.isSymbolicLink(absolute)) {
        try (Stream<Path> entries = Files.list(absolute)) {
          if (entries.findAny().isPresent()) {
            throw new SiteException(
                absolute
                    + " exists and is not a site published by this command; choose another --out");
          }
        }
        Files.delete(absolute);
      }
      Path link = absolute.resolveSibling(absolute.getFileName() + ".next");
      Files.deleteIfExists(link);
      Files.createSymbolicLink(link, absolute.getParent().relativize(build));
      Files.move(
          link, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (FileAlreadyExistsException e) {
      throw new SiteException("cannot replace " + absolute, e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot switch " + absolute + " to the new build", e);
    }
  }

  /** The build {@code out} points at now, if any. */
  private static Path liveBuild(Path out) {
    try {
      return out.toRealPath();
    } catch (IOException e) {
      return null;
    }
  }

  /**
   * Deletes every build but the live one and the one it replaced (kept for requests in flight):
   * older builds, and builds of publishers killed before they switched.
   */
  private static void cleanOldBuilds(Path builds, Path current, Path previous) {
    try (Stream<Path> entries = Files.list(builds)) {
      List<Path> old =
          entries
              .filter(p -> p.getFileName().toString().startsWith(BUILD_PREFIX))
              .filter(p -> !p.equals(current) && !isSameFile(p, previous))
              .toList();
      old.forEach(SiteGenerator::deleteQuietly);
    } catch (IOException e) {
      // old builds only take space; the new site is in place
    }
  }

  private static boolean isSameFile(Path path, Path other) {
    try {
      return other != null && Files.isSameFile(path, other);
    } catch (IOException e) {
      return false;
    }
  }

  static void deleteQuietly(Path folder) {
    try (Stream<Path> files = Files.walk(folder)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // best effort
    }
  }
}
