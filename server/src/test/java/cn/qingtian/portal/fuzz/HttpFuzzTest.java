package cn.qingtian.portal.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import cn.qingtian.portal.ApiIntegrationTest;
import cn.qingtian.portal.SharedSite;
import cn.qingtian.portal.operations.PortalMetrics;
import cn.qingtian.portal.release.CurrentRelease;
import cn.qingtian.portal.site.SiteBuildScheduler;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Throws a bounded number of generated, mutated and malformed requests at the running portal (real
 * HTTP over plain sockets, real PostgreSQL, the published site and downloads) and holds it to what
 * a hostile client must never get: a 5xx, a stack trace or Java internals in a body, a file from
 * outside the published folders (canaries are planted beside them), or an unexpected exception in
 * the server log. The seed is fixed; {@code -Dfuzz.count=N} and {@code -Dfuzz.seed=S} change the
 * run.
 */
@ApiIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
// A fuzz run from one address must never meet the rate limit: SharedSite lifts it.
class HttpFuzzTest extends SharedSite {

  static final int COUNT = Integer.getInteger("fuzz.count", 3_000);
  static final long SEED = Long.getLong("fuzz.seed", 20_261_129L);
  static final String TOKEN = "CANARY-" + UUID.randomUUID();
  static final Path WORKING_CANARY = Path.of("fuzz-canary.txt").toAbsolutePath();

  /** Never in a response: Java internals, a stack frame, a canary, a system file. */
  static final List<String> FORBIDDEN =
      List.of("Exception", "at cn.", "at org.", "at java.", ".java:", TOKEN, "root:x:0");

  /**
   * Log lines that are expected during a fuzz run, each with the reason; any other ERROR, or WARN
   * with an exception, is a finding.
   */
  static final Map<Pattern, String> BENIGN_LOG_LINES =
      Map.of(
          Pattern.compile("AbortedException: Connection has been closed"),
          "the client closed the connection before the answer was written (a fuzz client that"
              + " stops sending an oversized body once it has its 413): nobody is owed an answer",
          Pattern.compile("^ERROR reactor\\.Mono\\.OnErrorResume\\.\\d+ "),
          "spring-graphql 2.0.4 left a Reactor log() on its application/graphql fallback"
              + " (AbstractGraphQlHttpHandler.applyApplicationGraphQlFallback): a body of that type"
              + " that is not a GraphQL request is logged at ERROR, though the client gets its 400");

  @LocalServerPort int port;
  @Autowired SiteBuildScheduler publishing;
  @Autowired CurrentRelease currentRelease;
  @Autowired MeterRegistry registry;

  private final ListAppender<ILoggingEvent> log = new ListAppender<>();

  @BeforeAll
  void plantCanariesAndWaitForTheSite() throws Exception {
    Files.createDirectories(DOWNLOADS);
    for (Path canary : canaries()) {
      Files.writeString(canary, TOKEN + "\n");
    }
    PublishedSite.publish(publishing, currentRelease, SITE);
    // Downloads of the current release are written on the first request for one.
    SocketHttp.Answer first =
        SocketHttp.exchange(port, get("/datasets/observations/latest/observations.csv"), 120_000);
    assertThat(first.status()).isEqualTo(200);
  }

  private static List<Path> canaries() {
    return List.of(
        ROOT.resolve("canary.txt"),
        ROOT.resolve(".canary"),
        DOWNLOADS.resolve("canary.txt"),
        DOWNLOADS.resolve("canary.csv"),
        WORKING_CANARY);
  }

  @AfterAll
  void removeTheCanaries() throws IOException {
    // The site folder is shared with other test classes: they find it as it was.
    for (Path canary : canaries()) {
      Files.deleteIfExists(canary);
    }
  }

  @Test
  void noRequestGetsA5xxAStackTraceOrAFileFromOutsideThePublishedFolders() throws Exception {
    List<Case> cases = new Cases(new Random(SEED)).make(COUNT);
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    log.start();
    root.addAppender(log);
    Map<String, AtomicInteger> perCategory = new TreeMap<>();
    Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
    List<String> findings = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger hangs = new AtomicInteger();
    long started = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> running = new ArrayList<>();
      for (Case c : cases) {
        perCategory.computeIfAbsent(c.category(), k -> new AtomicInteger()).incrementAndGet();
        running.add(
            pool.submit(
                () -> {
                  if (hangs.get() > 5) {
                    return; // the server stopped answering: reported below, not waited for
                  }
                  SocketHttp.Answer answer = SocketHttp.exchange(port, c.request(), c.timeout());
                  if (answer.timedOut() && !c.mayHang()) {
                    hangs.incrementAndGet();
                  }
                  statuses
                      .computeIfAbsent(answer.status(), k -> new AtomicInteger())
                      .incrementAndGet();
                  check(c, answer).ifPresent(findings::add);
                }));
      }
      for (Future<?> f : running) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
      assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).as("the fuzz clients stop").isTrue();
      // What the server logs about the last requests is in before the log is read.
      await("the server has answered every fuzz request")
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(50))
          .until(() -> registry.get(PortalMetrics.IN_FLIGHT).gauge().value() == 0);
      root.detachAppender(log);
    }
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    List<String> logFindings = new ArrayList<>();
    for (ILoggingEvent event : List.copyOf(log.list)) {
      boolean serious =
          event.getLevel().isGreaterOrEqual(Level.ERROR)
              || (event.getLevel().isGreaterOrEqual(Level.WARN)
                  && event.getThrowableProxy() != null);
      String line =
          event.getLevel()
              + " "
              + event.getLoggerName()
              + " "
              + event.getFormattedMessage()
              + (event.getThrowableProxy() == null
                  ? ""
                  : " "
                      + event.getThrowableProxy().getClassName()
                      + ": "
                      + event.getThrowableProxy().getMessage());
      if (serious && BENIGN_LOG_LINES.keySet().stream().noneMatch(p -> p.matcher(line).find())) {
        logFindings.add(line);
      }
    }
    System.out.printf(
        "Fuzz: %d requests (seed %d) in %.1f s; per category %s; statuses %s; %d findings, %d log"
            + " findings%n",
        cases.size(),
        SEED,
        took.toMillis() / 1000.0,
        perCategory,
        new TreeMap<>(statuses),
        findings.size(),
        logFindings.size());
    findings.stream().limit(40).forEach(f -> System.out.println("  finding: " + f));
    logFindings.stream().limit(40).forEach(f -> System.out.println("  log: " + f));
    assertThat(findings).as("responses that broke a rule").isEmpty();
    assertThat(logFindings).as("unexpected WARN/ERROR log lines with an exception").isEmpty();
    assertThat(statuses.keySet()).noneMatch(s -> s >= 500);
  }

  private static java.util.Optional<String> check(Case c, SocketHttp.Answer answer) {
    String what = c.category() + " " + c.describe();
    if (answer.timedOut() && !c.mayHang()) {
      return java.util.Optional.of("no answer in time: " + what);
    }
    if (!answer.timedOut() && !c.allowed().test(answer.status())) {
      return java.util.Optional.of(
          "status " + answer.status() + ": " + what + " → " + abbreviate(answer.text()));
    }
    String body = answer.text() + " " + new String(answer.body(), StandardCharsets.ISO_8859_1);
    String headers = answer.headers().toString();
    for (String marker : FORBIDDEN) {
      if (body.contains(marker) || headers.contains(marker)) {
        return java.util.Optional.of(
            "body holds '" + marker + "': " + what + " → " + abbreviate(answer.text()));
      }
    }
    return java.util.Optional.empty();
  }

  private static String abbreviate(String text) {
    String flat = text.replaceAll("\\s+", " ");
    return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
  }

  static byte[] get(String target) {
    return request("GET", target, List.of(), null);
  }

  /** A request: the head as Latin-1 (so any byte can be written), Host and Connection added. */
  static byte[] request(String method, String target, List<String> headers, byte[] body) {
    StringBuilder head =
        new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n");
    head.append("Host: localhost\r\nConnection: close\r\n");
    boolean hasLength =
        headers.stream()
            .anyMatch(
                h ->
                    h.regionMatches(true, 0, "Content-Length:", 0, 15)
                        || h.regionMatches(true, 0, "Transfer-Encoding:", 0, 18));
    for (String h : headers) {
      head.append(h).append("\r\n");
    }
    if (body != null && !hasLength) {
      head.append("Content-Length: ").append(body.length).append("\r\n");
    }
    head.append("\r\n");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
    if (body != null) {
      out.writeBytes(body);
    }
    return out.toByteArray();
  }

  /** UTF-8 bytes as Latin-1 characters, for a request head. */
  static String raw(String text) {
    return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
  }

  /** One request of the run, what it is, and which statuses are right for it. */
  record Case(
      String category,
      String describe,
      byte[] request,
      IntPredicate allowed,
      boolean mayHang,
      int timeout) {

    static final IntPredicate ANSWERED = s -> s >= 100 && s < 500;

    static Case of(String category, String describe, byte[] request) {
      return new Case(category, describe, request, ANSWERED, false, 30_000);
    }

    static Case of(String category, String describe, byte[] request, IntPredicate allowed) {
      return new Case(category, describe, request, allowed, false, 30_000);
    }
  }

  /** Makes the run's requests from one seeded random source. */
  static final class Cases {

    private final Random random;
    private final GraphQlQueryGenerator generator;
    private final List<String> documents = new ArrayList<>();

    Cases(Random random) throws IOException {
      this.random = random;
      this.generator = new GraphQlQueryGenerator(GraphQlQueryGenerator.portalSchema(), random);
      Resource[] found =
          new PathMatchingResourcePatternResolver().getResources("classpath*:graphql/*.graphql");
      java.util.Arrays.sort(found, java.util.Comparator.comparing(Resource::getFilename));
      for (Resource resource : found) {
        documents.add(resource.getContentAsString(StandardCharsets.UTF_8));
      }
      assertThat(documents).as("the site's GraphQL documents").hasSizeGreaterThan(5);
    }

    List<Case> make(int count) {
      List<Case> cases = new ArrayList<>();
      // Every fixed case once (traversal, headers, bodies), then random ones up to the count.
      // (The fixed cases are always sent, so a count below theirs sends just them.)
      cases.addAll(traversals());
      cases.addAll(headerAbuse());
      cases.addAll(bodyAbuse());
      while (cases.size() < count) {
        int pick = random.nextInt(100);
        if (pick < 40) {
          cases.add(post("graphql-generated", generator.nextBody()));
        } else if (pick < 65) {
          cases.add(mutated());
        } else if (pick < 77) {
          cases.add(graphQlGet());
        } else if (pick < 87) {
          cases.add(randomTraversal());
        } else if (pick < 94) {
          cases.add(randomHeaders());
        } else {
          cases.add(randomBody());
        }
      }
      return cases;
    }

    Case post(String category, String json) {
      return Case.of(
          category,
          abbreviate(json),
          request(
              "POST",
              "/graphql",
              List.of("Content-Type: application/json"),
              json.getBytes(StandardCharsets.UTF_8)));
    }

    /** A real query of the site, damaged: byte flips, truncation, insertion, duplication. */
    Case mutated() {
      String document = documents.get(random.nextInt(documents.size()));
      boolean onTheBody = random.nextInt(3) == 0;
      byte[] bytes =
          (onTheBody ? GraphQlQueryGenerator.body(document, variables(), null) : document)
              .getBytes(StandardCharsets.UTF_8);
      int rounds = 1 + random.nextInt(4);
      for (int i = 0; i < rounds; i++) {
        bytes = mutate(bytes);
      }
      if (onTheBody) {
        return Case.of(
            "graphql-mutated",
            "body " + abbreviate(new String(bytes, StandardCharsets.UTF_8)),
            request("POST", "/graphql", List.of("Content-Type: application/json"), bytes));
      }
      String query = new String(bytes, StandardCharsets.UTF_8);
      return post(
          "graphql-mutated",
          GraphQlQueryGenerator.body(query, random.nextBoolean() ? variables() : null, null));
    }

    private String variables() {
      return switch (random.nextInt(4)) {
        case 0 -> "{\"code\":\"P13\",\"lang\":\"EN\",\"first\":100,\"after\":null}";
        case 1 -> "{\"code\":5,\"year\":\"x\"}";
        case 2 -> "{}";
        default ->
            "{\"year\":2023,\"table\":\"T01\",\"id\":\"TWVhc3VyZTpQMTM=\",\"version\":\"latest\"}";
      };
    }

    private byte[] mutate(byte[] in) {
      if (in.length == 0) {
        return "{".getBytes(StandardCharsets.UTF_8);
      }
      int at = random.nextInt(in.length);
      return switch (random.nextInt(4)) {
        case 0 -> {
          byte[] out = in.clone();
          out[at] = (byte) (out[at] ^ (1 << random.nextInt(8)));
          yield out;
        }
        case 1 -> java.util.Arrays.copyOf(in, at);
        case 2 -> {
          String[] tokens = {
            "{",
            "}",
            "(",
            ")",
            "...",
            "@",
            "$",
            ":",
            "\"",
            "\\",
            "!",
            "[",
            "]",
            "#",
            " fragment ",
            " on ",
            " query ",
            "\u0000",
            "\uFFFF",
            "\u00e9",
            "__typename",
            "first: -1",
            "1e999"
          };
          byte[] token = tokens[random.nextInt(tokens.length)].getBytes(StandardCharsets.UTF_8);
          ByteArrayOutputStream out = new ByteArrayOutputStream();
          out.write(in, 0, at);
          out.writeBytes(token);
          out.write(in, at, in.length - at);
          yield out.toByteArray();
        }
        default -> {
          int length = Math.min(in.length - at, 1 + random.nextInt(200));
          ByteArrayOutputStream out = new ByteArrayOutputStream();
          out.write(in, 0, at + length);
          int copies = 1 + random.nextInt(8);
          for (int i = 0; i < copies; i++) {
            out.write(in, at, length);
          }
          out.write(in, at + length, in.length - at - length);
          yield out.toByteArray();
        }
      };
    }

    /** GET /graphql with junk, broken encodings and invalid UTF-8 in the query string. */
    Case graphQlGet() {
      String[] values = {
        "%7B__typename%7D",
        "%7BcurrentRelease%7Bversion%7D%7D",
        "%zz",
        "%",
        "%C3%28",
        "%C0%AE%C0%AE",
        "%FF%FE",
        "\u00ff\u00fe",
        "%ED%A0%80",
        "%00",
        "mutation%7Bx%7D",
        "subscription%7BachievementPublished%7Bid%7D%7D",
        "%7B" + "a".repeat(random.nextInt(6_000)) + "%7D",
        "null",
        "%5B1%2C2%5D",
        "%7B%22a%22%3A1%7D",
        raw("{ measure(code: \"青田\") { code } }").replace(" ", "%20"),
        "+++",
        "%7Bmeasures(first%3A-1)%7Bnodes%7Bcode%7D%7D%7D",
        "{__typename}",
        "{%20__type(name:%22" + raw("青田") + "%22){name}}",
        "\"|^`<>[]\\",
      };
      String[] names = {"query", "variables", "operationName", "extensions", "query", "junk", ""};
      StringBuilder target = new StringBuilder("/graphql?");
      int n = 1 + random.nextInt(4);
      for (int i = 0; i < n; i++) {
        if (i > 0) {
          target.append(random.nextInt(10) == 0 ? ";" : "&");
        }
        String name = names[random.nextInt(names.length)];
        String value = values[random.nextInt(values.length)];
        if (name.equals("extensions") && random.nextBoolean()) {
          value =
              random.nextBoolean()
                  ? "%7B%22persistedQuery%22%3A%7B%22version%22%3A1%2C%22sha256Hash%22%3A%22"
                      + Integer.toHexString(random.nextInt())
                      + "%22%7D%7D"
                  : "%7B%22persistedQuery%22%3A%7B%22version%22%3A99999999999%7D%7D";
        }
        target.append(name).append(random.nextInt(12) == 0 ? "" : "=" + value);
      }
      List<String> headers =
          random.nextBoolean()
              ? List.of("Accept: application/graphql-response+json")
              : List.of("Accept: application/json");
      return Case.of(
          "graphql-get", target.toString(), request("GET", target.toString(), headers, null));
    }

    static final String[] TRAVERSAL_STEPS = {
      "../",
      "..%2f",
      "%2e%2e/",
      "%2e%2e%2f",
      "%252e%252e%252f",
      "..%5c",
      "..\\",
      "%c0%ae%c0%ae/",
      "%c0%2e%c0%2e%c0%af",
      "..%00/",
      ".%2e/",
      "..;/",
      "....//",
      "%2e%2e%5c",
      "..%255c",
      "%u002e%u002e/",
      "..%c1%9c",
      ".../",
      "%uff0e%uff0e/",
      raw("．．/")
    };
    static final String[] PREFIXES = {
      "/",
      "/datasets/",
      "/datasets/observations/",
      "/datasets/observations/latest/",
      "/en/",
      "/assets/",
      "/indicators/GDP/",
      "/graphiql/",
      "/webjars/"
    };

    private String traversalTarget() {
      return switch (random.nextInt(5)) {
        case 0 -> "canary.txt";
        case 1 -> "etc/passwd";
        case 2 -> ".canary";
        case 3 -> "fuzz-canary.txt";
        default -> "downloads/canary.csv";
      };
    }

    Case randomTraversal() {
      String step = TRAVERSAL_STEPS[random.nextInt(TRAVERSAL_STEPS.length)];
      String target =
          PREFIXES[random.nextInt(PREFIXES.length)]
              + step.repeat(1 + random.nextInt(10))
              + traversalTarget()
              + (random.nextInt(5) == 0 ? "%00.html" : "");
      String method = random.nextInt(6) == 0 ? "HEAD" : "GET";
      return Case.of("traversal", method + " " + target, request(method, target, List.of(), null));
    }

    List<Case> traversals() {
      List<String> targets = new ArrayList<>();
      for (String prefix : PREFIXES) {
        for (String step : TRAVERSAL_STEPS) {
          for (int depth : new int[] {1, 3, 8}) {
            targets.add(prefix + step.repeat(depth) + (depth == 8 ? "etc/passwd" : "canary.txt"));
          }
        }
      }
      targets.addAll(
          List.of(
              "/etc/passwd",
              "//etc/passwd",
              "///etc/passwd",
              "/datasets//etc/passwd",
              "/datasets/observations/latest//etc/passwd",
              "/%2fetc%2fpasswd",
              "/datasets/%2fetc%2fpasswd/latest/x.csv",
              "/datasets/observations/%2e%2e/observations.csv",
              "/datasets/observations/latest/%2e%2e",
              "/datasets/observations/latest/..",
              "/datasets/observations/..%2f..%2f/canary.csv",
              "/datasets/../downloads/canary.csv",
              "/datasets/observations/latest/canary.csv",
              "/datasets/canary.csv",
              "/datasets/canary.txt",
              "/datasets/observations/latest/.canary",
              "/datasets/observations/latest/observations.csv%00.txt",
              "/datasets/observations/latest/observations.csv/",
              "/datasets/OBSERVATIONS/latest/observations.csv",
              "/datasets/observations/1.0.0/../latest/observations.csv",
              "/file:///etc/passwd",
              "/" + HttpFuzzTest.ROOT.resolve("canary.txt"),
              "/" + HttpFuzzTest.WORKING_CANARY,
              "/proc/self/environ",
              "/proc/self/cmdline",
              "/.env",
              "/.git/config",
              "/.canary",
              "/.",
              "/..",
              "/%2e",
              "/%2e%2e",
              "/%00",
              "/index.html%00.txt",
              "/index.html%00",
              "/index.html/",
              "/index.html;.txt",
              "/?",
              "/%",
              "/%zz",
              "/%ff",
              "/\u00ff\u00fe",
              "/" + raw("😀/"),
              "/" + raw("\u202e/lmth.xedni"),
              "/" + raw("ＩＮＤＥＸ.html"),
              "/%F0%9F%98%80/",
              "/%E2%80%AE",
              "/" + "a/".repeat(500),
              "/" + "x".repeat(3_000),
              "/" + "x".repeat(20_000),
              "/datasets/" + "x".repeat(5_000) + "/latest/a.csv",
              "/\\etc\\passwd",
              "/C:/Windows/win.ini",
              "/~root/",
              "/en/../../../../../../../../etc/passwd",
              "*",
              "http://localhost/../../etc/passwd",
              "/graphql/../../etc/passwd",
              "/graphql/schema.graphqls/../../canary.txt",
              "/actuator/../../canary.txt",
              "/actuator/heapdump",
              "/actuator/env",
              "/actuator/configprops",
              "/actuator/threaddump",
              "/actuator/loggers",
              "/actuator/mappings",
              "/actuator/beans"));
      List<Case> out = new ArrayList<>();
      for (String target : targets) {
        out.add(Case.of("traversal", "GET " + target, request("GET", target, List.of(), null)));
      }
      return out;
    }

    static final IntPredicate TOO_LARGE = s -> s == 400 || s == 413 || s == 414 || s == 431;

    List<Case> headerAbuse() {
      String file = "/datasets/observations/latest/observations.csv";
      String page = "/index.html";
      List<Case> out = new ArrayList<>();
      for (int size : new int[] {9_000, 20_000, 70_000, 300_000}) {
        out.add(
            Case.of(
                "headers",
                "header of " + size + " bytes",
                request("GET", page, List.of("X-Big: " + "a".repeat(size)), null),
                TOO_LARGE));
      }
      List<String> many = new ArrayList<>();
      for (int i = 0; i < 2_000; i++) {
        many.add("X-H" + i + ": v");
      }
      out.add(Case.of("headers", "2,000 headers", request("GET", page, many, null), TOO_LARGE));
      out.add(
          Case.of(
              "headers",
              "200 headers",
              request("GET", "/graphql?query=%7B__typename%7D", many.subList(0, 200), null)));
      String[] ranges = {
        "bytes=0-0,5-10,1-2",
        "bytes=10-5",
        "bytes=99999999999999999999-",
        "bytes=-99999999999999999999",
        "bytes=-0",
        "bytes=abc",
        "bytes=0-" + ",0-".repeat(1_000),
        "items=0-1",
        "bytes=",
        "bytes",
        "bytes=--1",
        "bytes=5-",
        "bytes=0-1,0-1,0-1,0-1,0-1,0-1,0-1,0-1,0-1,0-1,0-1,0-1,0-1",
        "bytes=9223372036854775807-9223372036854775807",
        "bytes=1-0",
      };
      for (String range : ranges) {
        for (String target : List.of(file, page, "/datasets/catalog.ttl")) {
          out.add(
              Case.of(
                  "headers",
                  "Range " + abbreviate(range) + " on " + target,
                  request(
                      "GET", target, List.of("Range: " + range, "Accept-Encoding: gzip"), null)));
        }
      }
      String[][] conditionals = {
        {"If-None-Match", "*"},
        {"If-None-Match", "\""},
        {"If-None-Match", "W/"},
        {"If-None-Match", "\"" + "e".repeat(5_000) + "\""},
        {"If-None-Match", ",,,,,"},
        {"If-Modified-Since", "garbage"},
        {"If-Modified-Since", "Mon, 99 Foo 9999 99:99:99 GMT"},
        {"If-Modified-Since", "Fri, 31 Dec 9999 23:59:59 GMT"},
        {"If-Modified-Since", "Thu, 01 Jan 1970 00:00:00 GMT"},
        {"If-Modified-Since", "-1"},
        {"If-Modified-Since", "99999999999999999999"},
        {"If-Unmodified-Since", "yesterday"},
        {"If-Match", "\"nope\""},
        {"If-Range", "garbage"},
        {"If-Range", "Thu, 01 Jan 1970 00:00:00 GMT"},
      };
      for (String[] h : conditionals) {
        for (String target : List.of(file, page, "/graphql?query=%7B__typename%7D")) {
          out.add(
              Case.of(
                  "headers",
                  h[0] + ": " + abbreviate(h[1]) + " on " + target,
                  request("GET", target, List.of(h[0] + ": " + h[1], "Range: bytes=0-10"), null)));
        }
      }
      String[][] negotiation = {
        {"Accept", "*/*;q=abc"},
        {"Accept", "application/graphql-response+json;q=2"},
        {"Accept", "a/b/c"},
        {"Accept", ";;;"},
        {"Accept", "text/event-stream;q=0, application/json"},
        {"Accept", "image/png"},
        {"Accept", ""},
        {"Accept", "application/json;charset=\"" + "z".repeat(2_000) + "\""},
        {"Accept-Encoding", "gzip;q=x"},
        {"Accept-Encoding", "br, zstd, *"},
        {"Accept-Encoding", "identity;q=0, *;q=0"},
        {"Accept-Encoding", "gzip".repeat(1_000)},
        {"Accept-Language", "zz-ZZ;q=0.5,*;q=x"},
        {"Accept-Language", "::::"},
        {"Accept-Language", "en-US-x-" + "a".repeat(3_000)},
        {"Accept-Charset", "ebcdic"},
        {"X-Forwarded-For", "not-an-ip"},
        {"X-Forwarded-For", "1.2.3.4, ,,,"},
        {"X-Forwarded-For", "::::::"},
        {"X-Forwarded-For", "999.999.999.999"},
        {"X-Forwarded-For", "[::1]:80"},
        {"X-Forwarded-For", "1.1.1.1,".repeat(500)},
        {"X-Forwarded-For", "%00"},
        {"X-Forwarded-Host", "evil.example"},
        {"X-Forwarded-Proto", "gopher"},
        {"X-Forwarded-Prefix", "/../../etc"},
        {"Forwarded", "for=\"_x\";proto=gopher;host=\"a b\""},
        {"Host", ""},
        {"Host", "a b"},
        {"Host", "localhost:99999"},
        {"Host", "x".repeat(5_000)},
        {"Cookie", "a=" + "b".repeat(6_000)},
        {"Cookie", ";;;=;="},
        {"Upgrade", "websocket"},
        {"Upgrade", "h2c"},
        {"Origin", "null"},
        {"Content-Type", "application/json"},
        {"X-Null", "a\u0000b"},
        {"X-Latin", "\u00ff\u00fe\u00e9"},
        {"X-UTF8", raw("青田 😀")},
      };
      for (String[] h : negotiation) {
        for (String target :
            List.of(file, page, "/graphql?query=%7BcurrentRelease%7Bversion%7D%7D", "/graphiql")) {
          out.add(
              Case.of(
                  "headers",
                  h[0] + ": " + abbreviate(h[1]) + " on " + target,
                  request("GET", target, List.of(h[0] + ": " + h[1]), null),
                  h[1].length() > 4_000 ? s -> s < 500 && s >= 100 : Case.ANSWERED));
        }
      }
      out.addAll(rawFraming());
      return out;
    }

    /**
     * Framing a client library would never send: duplicate lengths, smuggling shapes, odd lines.
     */
    List<Case> rawFraming() {
      String json = "{\"query\":\"{ currentRelease { version } }\"}";
      List<Case> out = new ArrayList<>();
      String[] frames = {
        "POST /graphql HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: 44\r\nContent-Length: 7\r\n\r\n"
            + json,
        "POST /graphql HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: 44\r\nContent-Length: 44\r\n\r\n"
            + json,
        "POST /graphql HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: 44, 44\r\n\r\n"
            + json,
        "POST /graphql HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: -1\r\n\r\n"
            + json,
        "POST /graphql HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: +44\r\n\r\n"
            + json,
        "POST /graphql HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: abc\r\n\r\n"
            + json,
        "POST /graphql HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: 99999999999999999999\r\n\r\n"
            + json,
        "POST /graphql HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: 10\r\n\r\n"
            + json,
        "POST /graphql HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: 44\r\nTransfer-Encoding: chunked\r\n\r\n2c\r\n"
            + json
            + "\r\n0\r\n\r\n",
        "POST /graphql HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked, identity\r\n\r\n2c\r\n"
            + json
            + "\r\n0\r\n\r\n",
        "POST /graphql HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n"
            + json
            + "\r\n0\r\n\r\n",
        "POST /graphql HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nffffffffffffffff\r\n"
            + json
            + "\r\n0\r\n\r\n",
        "POST /graphql HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/json\r\nTransfer-Encoding: gzip\r\n\r\n"
            + json,
        "POST /graphql HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Encoding: gzip\r\nContent-Length: 44\r\n\r\n"
            + json,
        "GET / HTTP/1.0\r\n\r\n",
        "GET / HTTP/2.0\r\nHost: x\r\n\r\n",
        "GET / HTTP/9.9\r\nHost: x\r\n\r\n",
        "get / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
        "GET / HTTP/1.1 extra\r\nHost: x\r\nConnection: close\r\n\r\n",
        "GET\r\n\r\n",
        "\r\n\r\n",
        "GET / HTTP/1.1\nHost: x\nConnection: close\n\n",
        "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\nNoColonHere\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\nX-A : b\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\nX-A: b\r\n folded\r\n\r\n",
        "GET / HTTP/1.1\r\nConnection: close\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\nConnection: close\r\n\r\n",
        "GET http://evil.example/../../etc/passwd HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
        "OPTIONS * HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
        "CONNECT localhost:22 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
        "TRACE / HTTP/1.1\r\nHost: x\r\nConnection: close\r\nX-Secret: y\r\n\r\n",
        "PUT /index.html HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: 1\r\n\r\nx",
        "DELETE /datasets/observations/latest/observations.csv HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
        "PATCH /graphql HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: 2\r\n\r\n{}",
        "BREW /graphql HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
        "POST /datasets/observations/latest/observations.csv HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: 2\r\n\r\n{}",
        "POST / HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: 2\r\n\r\n{}",
        "GET /graphql HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: not-base64\r\n\r\n",
        "GET /graphql HTTP/1.1\r\nHost: x\r\nConnection: close\r\nAccept: text/event-stream\r\n\r\n",
      };
      for (String frame : frames) {
        boolean waitsForMore =
            frame.contains("Content-Length: 99999999999999999999")
                || frame.contains("ffffffffffffffff")
                || frame.startsWith("CONNECT")
                // Netty waits for a request it can read: the connection stays open until the client
                // closes it (no idle timeout is configured; see docs/reliability.md).
                || frame.startsWith("GET / HTTP/9.9")
                || frame.startsWith("\r\n")
                || frame.contains("Upgrade: websocket");
        out.add(
            new Case(
                "headers",
                abbreviate(frame.replace("\r\n", "⏎")),
                frame.getBytes(StandardCharsets.ISO_8859_1),
                s -> s == 0 || (s >= 100 && s < 500),
                waitsForMore,
                waitsForMore ? 3_000 : 60_000));
      }
      // A body shorter than its Content-Length: the server waits for the rest, and must not fail.
      out.add(
          new Case(
              "headers",
              "Content-Length larger than the body",
              ("POST /graphql HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type:"
                      + " application/json\r\nContent-Length: 400\r\n\r\n"
                      + json)
                  .getBytes(StandardCharsets.ISO_8859_1),
              s -> s == 0 || (s >= 100 && s < 500),
              true,
              3_000));
      return out;
    }

    Case randomHeaders() {
      String[] names = {
        "Range", "If-None-Match", "If-Modified-Since", "Accept", "Accept-Encoding",
        "Accept-Language", "X-Forwarded-For", "Content-Type", "Cookie", "Authorization"
      };
      String[] values = {
        "bytes=" + random.nextInt() + "-" + random.nextInt(),
        "\"" + Integer.toHexString(random.nextInt()) + "\"",
        "W/\"x\", *",
        "Tue, 31 Feb 2023 25:61:61 GMT",
        "*/*;q=" + random.nextGaussian(),
        "gzip;q=" + random.nextInt(),
        random.nextInt(256) + "." + random.nextInt(999) + ".0.1",
        "\u00ff\u0001",
        "x".repeat(random.nextInt(4_000)),
        raw("青田"),
      };
      String[] targets = {
        "/datasets/observations/latest/observations.csv",
        "/datasets/measures/latest/measures.json",
        "/datasets/catalog.jsonld",
        "/",
        "/en/",
        "/assets/site.css",
        "/graphql?query=%7B__typename%7D",
        "/graphql/schema.graphqls",
        "/graphiql",
        "/actuator/health",
      };
      List<String> headers = new ArrayList<>();
      int n = 1 + random.nextInt(4);
      for (int i = 0; i < n; i++) {
        headers.add(
            names[random.nextInt(names.length)] + ": " + values[random.nextInt(values.length)]);
      }
      String target = targets[random.nextInt(targets.length)];
      String method = random.nextInt(5) == 0 ? "HEAD" : "GET";
      return Case.of(
          "headers",
          method + " " + target + " " + abbreviate(headers.toString()),
          request(method, target, headers, null));
    }

    List<Case> bodyAbuse() {
      List<Case> out = new ArrayList<>();
      for (int megabytes : new int[] {1, 3}) {
        String pad = "x".repeat(megabytes * 1_048_576);
        String json =
            "{\"query\":\"{ currentRelease { version } }\",\"variables\":{\"pad\":\""
                + pad
                + "\"}}";
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        out.add(
            Case.of(
                "bodies",
                megabytes + " MB body",
                request("POST", "/graphql", List.of("Content-Type: application/json"), bytes),
                s -> s == 413));
        out.add(
            Case.of(
                "bodies",
                megabytes + " MB chunked body",
                request(
                    "POST",
                    "/graphql",
                    List.of("Content-Type: application/json", "Transfer-Encoding: chunked"),
                    chunked(bytes)),
                s -> s == 413));
      }
      out.add(
          Case.of(
              "bodies",
              "1 MB query",
              request(
                  "POST",
                  "/graphql",
                  List.of("Content-Type: application/json"),
                  GraphQlQueryGenerator.body("{" + " __typename".repeat(100_000) + "}", null, null)
                      .getBytes(StandardCharsets.UTF_8)),
              s -> s == 413));
      String[] invalid = {
        "{",
        "{\"query\":",
        "null",
        "[]",
        "\"str\"",
        "{\"query\": 5}",
        "{\"query\": null}",
        "{\"query\": {\"a\":1}}",
        "{\"query\":\"{a}\",\"variables\":\"x\"}",
        "{\"query\":\"{a}\",\"extensions\":[1]}",
        "[".repeat(5_000) + "]".repeat(5_000),
        "{\"query\":\"{__typename}\",\"variables\":{\"a\":1e999999}}",
        "{\"query\":\"{__typename}\",\"variables\":{\"a\":" + "9".repeat(20_000) + "}}",
        "{\"query\":\"{__typename}\",\"query\":\"{currentRelease{version}}\"}",
        "{\"query\":\"{__typename}\"}garbage",
        "{\"query\":\"{__typename}\"}{\"query\":\"{x}\"}",
        "{\"query\":\"\"}",
        "{\"query\":\" \"}",
        "{}",
        " ",
        "\u0000",
        "{\"query\":\"{__typename}\",\"operationName\":5}",
        "{\"query\":\"{__typename}\",\"" + "k".repeat(60_000) + "\":1}",
        "{\"query\":\"{__typename}\",\"extensions\":{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"zz\"}}}",
        "{\"extensions\":{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\""
            + "a".repeat(64)
            + "\"}}}",
        "{\"extensions\":{\"persistedQuery\":{\"version\":\"1\",\"sha256Hash\":5}}}",
        "{\"extensions\":{\"persistedQuery\":null}}",
        "{\"query\":\"{__typename}\",\"extensions\":{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\""
            + "0".repeat(64)
            + "\"}}}",
      };
      for (String body : invalid) {
        out.add(
            Case.of(
                "bodies",
                "invalid JSON " + abbreviate(body),
                request(
                    "POST",
                    "/graphql",
                    List.of("Content-Type: application/json"),
                    body.getBytes(StandardCharsets.UTF_8))));
      }
      byte[][] invalidUtf8 = {
        {(byte) 0xC3, 0x28},
        {(byte) 0xC0, (byte) 0xAE},
        {(byte) 0xFF},
        {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
        {(byte) 0xE4, (byte) 0xB8},
        {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
        {(byte) 0xFE, (byte) 0xFF},
        {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
        {0}
      };
      for (byte[] bad : invalidUtf8) {
        for (String shape :
            List.of(
                "{\"query\":\"{ measure(code: \\\"%s\\\") { code } }\"}",
                "{\"query\":\"{ __typename %s }\"}",
                "%s{\"query\":\"{ __typename }\"}",
                "{\"query\":\"{ __typename }\",\"variables\":{\"%s\":1}}")) {
          String[] parts = shape.split("%s", -1);
          ByteArrayOutputStream body = new ByteArrayOutputStream();
          body.writeBytes(parts[0].getBytes(StandardCharsets.UTF_8));
          body.writeBytes(bad);
          body.writeBytes(parts[1].getBytes(StandardCharsets.UTF_8));
          out.add(
              Case.of(
                  "bodies",
                  "invalid UTF-8 " + java.util.HexFormat.of().formatHex(bad) + " in " + shape,
                  request(
                      "POST",
                      "/graphql",
                      List.of("Content-Type: application/json"),
                      body.toByteArray())));
        }
      }
      String valid = "{\"query\":\"{ currentRelease { version } }\"}";
      String[] types = {
        null,
        "application/json; charset=gbk",
        "application/json; charset=nonsense",
        "application/json; charset=utf-16",
        "application/json;;;",
        "",
        "text/plain",
        "application/graphql",
        "application/graphql-response+json",
        "multipart/form-data; boundary=x",
        "application/x-www-form-urlencoded",
        "*/*",
        "a/b/c",
        "application/xml",
        "text/event-stream"
      };
      for (String type : types) {
        for (String body :
            List.of(valid, "{ currentRelease { version } }", "query=%7B__typename%7D")) {
          out.add(
              Case.of(
                  "bodies",
                  "Content-Type " + type + " with " + body,
                  request(
                      "POST",
                      "/graphql",
                      type == null ? List.of() : List.of("Content-Type: " + type),
                      body.getBytes(StandardCharsets.UTF_8))));
        }
      }
      out.add(
          Case.of(
              "bodies",
              "no body",
              request("POST", "/graphql", List.of("Content-Type: application/json"), null)));
      out.add(
          Case.of(
              "bodies",
              "empty body",
              request("POST", "/graphql", List.of("Content-Type: application/json"), new byte[0])));
      return out;
    }

    Case randomBody() {
      byte[] bytes = new byte[random.nextInt(2_000)];
      random.nextBytes(bytes);
      if (random.nextBoolean() && bytes.length > 2) {
        bytes[0] = '{';
      }
      return Case.of(
          "bodies",
          "random bytes " + bytes.length,
          request("POST", "/graphql", List.of("Content-Type: application/json"), bytes));
    }

    private static byte[] chunked(byte[] body) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      for (int at = 0; at < body.length; at += 65_536) {
        int n = Math.min(65_536, body.length - at);
        out.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.write(body, at, n);
        out.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
      }
      out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
      return out.toByteArray();
    }
  }
}
