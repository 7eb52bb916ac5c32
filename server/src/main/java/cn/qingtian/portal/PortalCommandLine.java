package cn.qingtian.portal;

import cn.qingtian.portal.database.DatabaseAddress;
import cn.qingtian.portal.database.DatabaseProperties;
import cn.qingtian.portal.dataset.ClosedSetCheck;
import cn.qingtian.portal.dataset.ImportRefusedException;
import cn.qingtian.portal.dataset.ImportResult;
import cn.qingtian.portal.dataset.PackageImporter;
import cn.qingtian.portal.dataset.PackageValidator;
import cn.qingtian.portal.dataset.Problem;
import cn.qingtian.portal.dataset.ReleaseRollback;
import cn.qingtian.portal.dataset.Validation;
import cn.qingtian.portal.demo.DemoGenerator;
import cn.qingtian.portal.indicator.IndicatorClosedSets;
import cn.qingtian.portal.plan.PlanClosedSets;
import cn.qingtian.portal.release.CurrentRelease;
import cn.qingtian.portal.release.Release;
import cn.qingtian.portal.site.SiteBuildScheduler;
import cn.qingtian.site.HttpGraphQlTransport;
import cn.qingtian.site.MirroredDownloads;
import cn.qingtian.site.SiteGenerator;
import cn.qingtian.site.SiteSettings;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * The server jar's subcommands: {@code serve} (the default), {@code validate <dir>} and {@code
 * import <dir> [--dry-run] [--note TEXT]}, {@code rollback <version> --note TEXT} and more. Options
 * starting with {@code --} that a subcommand does not know are passed to Spring Boot (e.g. {@code
 * --server.port=9090}).
 */
public final class PortalCommandLine {

  /** Returned by {@link #run} when the server keeps running after it. */
  public static final int KEEP_RUNNING = -1;

  /** The columns the features read as Java enums (their {@link ClosedSetCheck} beans). */
  private static final ClosedSetCheck CLOSED_SETS =
      new ClosedSetCheck(
          Stream.of(PlanClosedSets.SETS, IndicatorClosedSets.SETS).flatMap(List::stream).toList());

  static final String USAGE =
      """
      青田县“扩中”“提低”进展门户 / Qingtian progress portal

      用法 / Usage: java -jar portal-server.jar [command] [options]

      命令 / Commands:
        serve                 启动门户（默认）：先导入内容有变化的内置数据包，再提供服务
                              start the portal (default): import the bundled datasets if their
                              content differs from the current release, then serve on :8080
        validate <dir>...     校验数据包，逐条报告问题（文件:行:列），有问题时退出码为 1
                              check data packages and report every problem as file:row:column;
                              exit code 1 when there is any
        import <dir>...       校验并导入数据包（如 datasets/qingtian datasets/demo），作为一个新版本
                              在一个事务中发布 / validate and import data packages (e.g.
                              datasets/qingtian datasets/demo) as one new release, in one transaction
          --dry-run           只显示各表将新增、修改、删除的行数，不做任何修改
                              print rows added, changed and removed per table; change nothing
          --note <text>       版本说明 / a note for the release
        rollback <version> --note <text>
                              让较早的版本重新成为当前版本（如误导入之后）：发布一个内容与之相同的新版本，
                              附说明；原有版本都保留 / make an earlier release current again (e.g.
                              after a mistaken import): publishes a new release with its content and
                              the note; every release stays readable
        publish --out <dir>   生成静态进展网站（中英文全部页面），完成后原子切换；只读取，不写任何数据库
                              build the static site (every page, both languages) and switch it
                              in atomically; <dir> becomes a link to the newest complete build.
                              It reads a release and writes to no database: by default the
                              current release of PORTAL_DATABASE_URL; it says which it publishes
          --from <url>        从运行中门户的 /graphql 读取（如 http://localhost:8080/graphql），
                              不需要数据库 / read the release a running portal serves; no database.
                              门户限流时，需在环境变量 PORTAL_PUBLISH_TOKEN 中提供门户的发布者令牌
                              （portal.api.rate-limit.publisher-token）/ a portal that rate-limits
                              its clients answers the site's queries only for its publisher token
                              (portal.api.rate-limit.publisher-token), given in PORTAL_PUBLISH_TOKEN
          --import            把内置数据包（含 DEMO）导入一个临时的嵌入式数据库再生成，不使用已配置的数据库；
                              没有运行中的门户或数据库时用它 / import the bundled datasets (DEMO
                              included) into a temporary embedded database of its own and publish
                              that; the configured database is not used. For a machine with
                              neither a portal nor a database
          --repeat <n>        连续生成 n 次（基准测试用）/ publish n times (benchmarks)
        demo-data [<plan> <out>]
                              生成合成演示数据包（默认 datasets/qingtian → datasets/demo），固定种子，
                              可重复 / write the synthetic DEMO package (default datasets/qingtian
                              → datasets/demo) with a fixed seed: the same files every time
        help, --help          显示本帮助 / show this help

      数据库 / Database: embedded PostgreSQL by default (data in portal-data/postgres);
        PORTAL_DATABASE_URL=postgresql://user:password@host:5432/db for an external server.
      演示数据 / Demo data: serve imports datasets/demo too, labelled DEMO; PORTAL_DATASETS_DEMO=false
        leaves it out (production).
      """;

  private PortalCommandLine() {}

  /** The environment variable {@code publish --from} reads the portal's publisher token from. */
  public static final String PUBLISH_TOKEN = "PORTAL_PUBLISH_TOKEN";

  public static int run(String[] args) {
    return run(args, System.out, System.err);
  }

  public static int run(String[] args, PrintStream out, PrintStream err) {
    return run(args, out, err, System.getenv());
  }

  /**
   * Runs a command with the environment given ({@code publish --from} reads {@link #PUBLISH_TOKEN}
   * from it): a test passes its own, as an operator's shell would.
   */
  public static int run(
      String[] args, PrintStream out, PrintStream err, Map<String, String> environment) {
    String command =
        args.length == 0 || args[0].startsWith("--") && !isHelp(args[0]) ? "serve" : args[0];
    String[] rest =
        args.length == 0 || !command.equals(args[0])
            ? args
            : Arrays.copyOfRange(args, 1, args.length);
    return switch (command) {
      case "serve" -> serve(rest);
      case "validate" -> validate(rest, out, err);
      case "import" -> importPackage(rest, out, err);
      case "demo-data" -> demoData(rest, out, err);
      case "publish" -> publish(rest, out, err, environment);
      case "rollback" -> rollback(rest, out, err);
      case "help", "--help", "-h" -> {
        out.print(USAGE);
        yield 0;
      }
      default -> {
        err.println("未知命令 / unknown command: " + command);
        err.print(USAGE);
        yield 2;
      }
    };
  }

  private static boolean isHelp(String arg) {
    return arg.equals("--help") || arg.equals("-h");
  }

  private static int serve(String[] springArgs) {
    new SpringApplicationBuilder(PortalApplication.class).run(springArgs);
    return KEEP_RUNNING;
  }

  private static int validate(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 0 || Arrays.stream(args).anyMatch(a -> a.startsWith("--"))) {
      err.println("用法 / usage: validate <dir>...");
      return 2;
    }
    Validation validation = PackageValidator.validate(paths(List.of(args)));
    if (validation.isValid()) {
      // What an import's disclosure gate refuses first: a value outside a Java enum of the code,
      // even where the package's own descriptor allows it.
      List<Problem> outside = CLOSED_SETS.problemsIn(validation.validPackage().tables());
      if (!outside.isEmpty()) {
        validation = new Validation(outside, null);
      }
    }
    return report(validation, out, err) ? 0 : 1;
  }

  private static List<Path> paths(List<String> directories) {
    return directories.stream().map(Path::of).toList();
  }

  private static int publish(
      String[] args, PrintStream out, PrintStream err, Map<String, String> environment) {
    String target = null;
    String from = null;
    boolean importing = false;
    int repeat = 1;
    List<String> springArgs = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      if (List.of("--out", "--from", "--repeat").contains(args[i]) && i + 1 < args.length) {
        switch (args[i]) {
          case "--out" -> target = args[++i];
          case "--from" -> from = args[++i];
          default -> repeat = Integer.parseInt(args[++i]);
        }
      } else if (args[i].equals("--import")) {
        importing = true;
      } else if (args[i].startsWith("--")) {
        springArgs.add(args[i]);
      } else {
        err.println("未知参数 / unknown argument: " + args[i]);
        return 2;
      }
    }
    if (target == null || from != null && importing) {
      err.println("用法 / usage: publish --out <dir> [--from <url> | --import]");
      return 2;
    }
    Path directory = Path.of(target);
    try {
      if (from != null) {
        String token = environment.getOrDefault(PUBLISH_TOKEN, "");
        try {
          return publishFrom(URI.create(from), token, directory, out);
        } catch (RuntimeException e) {
          // The site's queries run in parallel: the refusal may arrive wrapped.
          for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpGraphQlTransport.Refused refused) {
              err.println(refusedPublisher(refused, !token.isBlank()));
              return 1;
            }
          }
          throw e;
        }
      }
      String database = configuredDatabase(springArgs);
      if (importing) {
        return publishImported(directory, springArgs, repeat, database != null, out, err);
      }
      if (database == null) {
        err.println(NOTHING_TO_READ);
        return 2;
      }
      return publishFromDatabase(directory, springArgs, repeat, out, err);
    } catch (RuntimeException e) {
      err.println("站点未生成，原有站点保持不变 / site not published, the previous one stays: " + e.getMessage());
      return 1;
    }
  }

  /** What {@code publish} says when it has no database to read and was not asked to import. */
  static final String NOTHING_TO_READ =
      """
      没有可读取的版本：publish 不会自行导入数据。请任选其一 / no release to read: publish does \
      not import by itself. Choose one:
        --from http://localhost:8080/graphql   读取运行中门户的当前版本 / the release a running portal serves
        PORTAL_DATABASE_URL=postgresql://…     读取该数据库的当前版本 / the current release of that database
        --import                               把内置数据包导入一个临时的嵌入式数据库再生成（含 DEMO）/ import the
                                               bundled datasets into a temporary embedded database (DEMO included)""";

  /**
   * What {@code publish --from} says when the portal refused one of the site's queries for a limit
   * or the token: the site's documents cost more than an anonymous client's window, so the fix is
   * always the publisher token, and the message names both ends of it.
   */
  static String refusedPublisher(HttpGraphQlTransport.Refused refused, boolean sent) {
    String what =
        refused.code().equals("INVALID_TOKEN")
            ? "门户拒绝了 "
                + PUBLISH_TOKEN
                + " 中的令牌：它与门户的 portal.api.rate-limit.publisher-token 不一致 / the portal"
                + " refused the token in "
                + PUBLISH_TOKEN
                + ": it is not the portal's portal.api.rate-limit.publisher-token"
            : sent
                ? "已发送 "
                    + PUBLISH_TOKEN
                    + " 中的令牌，门户仍拒绝了查询（"
                    + refused.code()
                    + "）：RATE_LIMITED 表示此地址无效令牌过多，请等待重置并检查令牌；其他代码请检查门户的单次查询上限"
                    + " portal.api.limits.* / the token in "
                    + PUBLISH_TOKEN
                    + " was sent and the portal still refused a query ("
                    + refused.code()
                    + "): RATE_LIMITED means too many wrong tokens from this address (wait for the"
                    + " reset and check the token); any other code, check the portal's per-query"
                    + " limits (portal.api.limits.*)"
                : "门户限流，拒绝了站点的查询（"
                    + refused.code()
                    + "）：站点的查询超出匿名客户端的额度。请在门户上设置发布者令牌"
                    + " portal.api.rate-limit.publisher-token（环境变量"
                    + " PORTAL_API_RATE_LIMIT_PUBLISHER_TOKEN），并在运行 publish 时把同一令牌放入环境变量 "
                    + PUBLISH_TOKEN
                    + " / the portal rate-limits its clients and refused the site's queries ("
                    + refused.code()
                    + "): they cost more than an anonymous client may spend. Set a publisher token"
                    + " on the portal (portal.api.rate-limit.publisher-token, environment variable"
                    + " PORTAL_API_RATE_LIMIT_PUBLISHER_TOKEN) and run publish with the same token in "
                    + PUBLISH_TOKEN;
    return "站点未生成，原有站点保持不变 / site not published, the previous one stays.\n"
        + what
        + "\n("
        + refused.getMessage()
        + ")";
  }

  /** Publishes the release a running portal serves, read over its GraphQL endpoint. */
  private static int publishFrom(URI endpoint, String token, Path directory, PrintStream out) {
    out.println(
        "publishing the current release of "
            + endpoint
            + (token.isBlank() ? "" : " as its publisher (" + PUBLISH_TOKEN + ")")
            + " / 读取运行中门户的当前版本");
    long started = System.nanoTime();
    HttpGraphQlTransport transport = new HttpGraphQlTransport(endpoint, token);
    SiteGenerator.Result result =
        new SiteGenerator(transport, SiteSettings.defaults(), out::println)
            .withExtraFiles(new MirroredDownloads(transport, endpoint.resolve("./")))
            .publish(directory);
    out.println(
        "结果 / result: "
            + result.pages()
            + " pages, release #"
            + result.release().number()
            + " from "
            + endpoint
            + " in "
            + (System.nanoTime() - started) / 1_000_000
            + " ms");
    return 0;
  }

  /**
   * The external database the arguments or the environment configure ({@code
   * --portal.database.url=…}, {@code PORTAL_DATABASE_URL}), or null for none: read before any
   * context starts, so that {@code publish} without one never starts the embedded database of a
   * portal that may be serving from it.
   */
  static String configuredDatabase(List<String> springArgs) {
    StandardEnvironment environment = new StandardEnvironment();
    environment
        .getPropertySources()
        .addFirst(new SimpleCommandLinePropertySource(springArgs.toArray(String[]::new)));
    String url = environment.getProperty("portal.database.url");
    return url == null || url.isBlank() ? null : url;
  }

  /**
   * Publishes the current release of the configured database, reading it only: no start-up import
   * (docs/reliability.md, attack finding 3: this imported the bundled packages, DEMO included, into
   * that database).
   */
  private static int publishFromDatabase(
      Path directory, List<String> springArgs, int repeat, PrintStream out, PrintStream err) {
    List<String> args = new ArrayList<>(springArgs);
    args.add("--portal.datasets.import-on-start=false");
    args.add("--portal.site.publish-on-release=false");
    try (ConfigurableApplicationContext context =
        new SpringApplicationBuilder(PortalApplication.class)
            .web(WebApplicationType.NONE)
            .logStartupInfo(false)
            .run(args.toArray(String[]::new))) {
      String source =
          "database " + DatabaseAddress.parse(context.getBean(DatabaseProperties.class).url());
      Release release = context.getBean(CurrentRelease.class).refresh().block();
      if (release == null || release.number() == 0) {
        err.println(
            "数据库中还没有版本 / "
                + source
                + " holds no release yet: import one first (import <dir>…), read a running portal"
                + " with --from <url>, or pass --import to publish the bundled datasets from a"
                + " temporary database");
        return 1;
      }
      return publishRelease(context, release, source, directory, repeat, out);
    }
  }

  /**
   * Publishes the bundled datasets (or {@code --portal.datasets.directory}) imported into a
   * temporary embedded PostgreSQL of its own, deleted afterwards with the downloads it wrote: a
   * configured database is not used, so it runs beside a serving portal and writes into no database
   * or downloads folder anyone reads.
   */
  private static int publishImported(
      Path directory,
      List<String> springArgs,
      int repeat,
      boolean databaseConfigured,
      PrintStream out,
      PrintStream err) {
    Path data;
    try {
      data = java.nio.file.Files.createTempDirectory("portal-publish");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    List<String> args = new ArrayList<>(springArgs);
    args.removeIf(arg -> arg.startsWith("--portal.database.url="));
    args.add("--portal.database.url=");
    args.add("--portal.database.embedded-data-directory=" + data.resolve("postgres"));
    args.add("--portal.site.publish-on-release=false");
    if (args.stream().noneMatch(arg -> arg.startsWith("--portal.downloads.directory="))) {
      // Not a serving portal's downloads folder: a release of this temporary database may share
      // a version with one of the portal's and would replace its files. The build links or
      // copies them, so they outlive the folder.
      args.add("--portal.downloads.directory=" + data.resolve("downloads"));
    }
    try (ConfigurableApplicationContext context =
        new SpringApplicationBuilder(PortalApplication.class)
            .web(WebApplicationType.NONE)
            .logStartupInfo(false)
            .run(args.toArray(String[]::new))) {
      Release release = context.getBean(CurrentRelease.class).refresh().block();
      if (release == null || release.number() == 0) {
        err.println(
            "内置数据包未能导入（见上方日志）/ the bundled datasets could not be imported (see the log above)");
        return 1;
      }
      String source =
          "the bundled datasets, imported into a temporary embedded database"
              + (databaseConfigured ? " (the configured database is not used)" : "");
      return publishRelease(context, release, source, directory, repeat, out);
    } finally {
      org.springframework.util.FileSystemUtils.deleteRecursively(data.toFile());
    }
  }

  private static int publishRelease(
      ConfigurableApplicationContext context,
      Release release,
      String source,
      Path directory,
      int repeat,
      PrintStream out) {
    out.println(
        "publishing release #" + release.number() + " (" + release.version() + ") from " + source);
    for (int run = 1; run <= repeat; run++) {
      // --repeat measures the publish step in a warm process (benchmarks).
      SiteGenerator.Result result =
          context.getBean(SiteBuildScheduler.class).publish(release, directory, out::println);
      out.println(
          "结果 / result: "
              + result.pages()
              + " pages, release #"
              + result.release().number()
              + ", fetch "
              + result.fetchMillis()
              + " ms, render "
              + result.renderMillis()
              + " ms");
    }
    return 0;
  }

  private static int demoData(String[] args, PrintStream out, PrintStream err) {
    if (args.length != 0 && args.length != 2) {
      err.println("用法 / usage: demo-data [<plan-dir> <out-dir>]");
      return 2;
    }
    Path plan = Path.of(args.length == 2 ? args[0] : "datasets/qingtian");
    Path target = Path.of(args.length == 2 ? args[1] : "datasets/demo");
    try {
      DemoGenerator.generate(plan, target);
      out.println("演示数据已写入 / demo package written to " + target);
      return 0;
    } catch (IOException | IllegalArgumentException e) {
      err.println("无法生成演示数据 / cannot write the demo package: " + e.getMessage());
      return 1;
    }
  }

  private static boolean report(Validation validation, PrintStream out, PrintStream err) {
    validation.problems().forEach(err::println);
    if (validation.isValid()) {
      out.println("数据包有效 / the data package is valid");
      return true;
    }
    err.println(
        "发现 "
            + validation.problems().size()
            + " 个问题 / "
            + validation.problems().size()
            + " problem(s) found");
    return false;
  }

  private static int importPackage(String[] args, PrintStream out, PrintStream err) {
    boolean dryRun = false;
    String note = null;
    List<String> directories = new ArrayList<>();
    List<String> springArgs = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--dry-run" -> dryRun = true;
        case "--note" -> {
          if (i + 1 == args.length) {
            err.println("--note 需要一段文字 / --note needs a text");
            return 2;
          }
          note = args[++i];
        }
        default -> {
          if (args[i].startsWith("--")) {
            springArgs.add(args[i]);
          } else {
            directories.add(args[i]);
          }
        }
      }
    }
    if (directories.isEmpty()) {
      err.println("用法 / usage: import <dir>... [--dry-run] [--note TEXT]");
      return 2;
    }
    out.println("校验 / validating " + String.join(" ", directories) + " …");
    Validation validation = PackageValidator.validate(paths(directories));
    if (!report(validation, out, err)) {
      return 1;
    }
    try (ConfigurableApplicationContext context = releaseWriter(springArgs)) {
      out.println("导入 / importing …");
      long start = System.nanoTime();
      ImportResult result =
          context
              .getBean(PackageImporter.class)
              .importPackage(validation.validPackage(), dryRun, note, out::println);
      out.println(
          "结果 / result: "
              + result.outcome()
              + " in "
              + (System.nanoTime() - start) / 1_000_000
              + " ms");
      return 0;
    } catch (ImportRefusedException e) {
      e.problems().forEach(err::println);
      return 1;
    } catch (Exception e) {
      err.println("导入失败，数据库未改变 / import failed, the database is unchanged: " + e.getMessage());
      return 1;
    }
  }

  private static int rollback(String[] args, PrintStream out, PrintStream err) {
    String version = null;
    String note = null;
    List<String> springArgs = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--note") && i + 1 < args.length) {
        note = args[++i];
      } else if (args[i].startsWith("--")) {
        springArgs.add(args[i]);
      } else if (version == null) {
        version = args[i];
      } else {
        version = "";
      }
    }
    if (version == null || version.isEmpty() || note == null || note.isBlank()) {
      err.println("用法 / usage: rollback <version> --note TEXT（说明为什么回滚 / say why you roll back)");
      return 2;
    }
    try (ConfigurableApplicationContext context = releaseWriter(springArgs)) {
      ImportResult result =
          context.getBean(ReleaseRollback.class).rollBackTo(version, note, out::println);
      out.println("结果 / result: " + result.outcome() + " #" + result.release());
      return 0;
    } catch (ImportRefusedException e) {
      e.problems().forEach(err::println);
      return 1;
    } catch (Exception e) {
      err.println("回滚失败，数据库未改变 / rollback failed, the database is unchanged: " + e.getMessage());
      return 1;
    }
  }

  /** The portal without its web server or start-up import, for a command that writes a release. */
  private static ConfigurableApplicationContext releaseWriter(List<String> springArgs) {
    List<String> args = new ArrayList<>(springArgs);
    args.add("--portal.datasets.import-on-start=false");
    // A command does not build the site or the downloads: run beside a serving portal, it would
    // write into the same folders and, killed or finished, leave a build behind.
    for (String off :
        List.of("portal.site.publish-on-release", "portal.downloads.write-on-release")) {
      if (args.stream().noneMatch(arg -> arg.startsWith("--" + off + "="))) {
        args.add("--" + off + "=false");
      }
    }
    return new SpringApplicationBuilder(PortalApplication.class)
        .web(WebApplicationType.NONE)
        .logStartupInfo(false)
        .run(args.toArray(String[]::new));
  }
}
