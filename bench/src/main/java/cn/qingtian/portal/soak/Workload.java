package cn.qingtian.portal.soak;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The mixed workload of the soak, discovered from a running portal: pages of the published site
 * (from its sitemap: both languages' home, indicator and measure pages and a few others), download
 * files (CSV, JSON and XLSX at their versioned and latest URLs, some with Range or If-None-Match),
 * GraphQL queries (the site's own documents with real variables, the newsroom questions of
 * docs/api.md, over POST and some over GET) and searches in Chinese and English. Each request comes
 * with its check: the status, no GraphQL errors, the release the answer names, and data that agrees
 * with that release (the {@link NextRelease} probe observation in a query, in the CSV and JSON
 * downloads, a page's download links and version).
 */
public final class Workload {

  static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final Pattern FOOTER =
      Pattern.compile("(?:数据版本|Data release) ([0-9A-Za-z.+_-]+) \\(#(\\d+)\\)");
  private static final Pattern PAGE_DOWNLOAD =
      Pattern.compile("datasets/[a-z0-9-]+/([0-9A-Za-z.+_%-]+)/[A-Za-z0-9._-]+");
  private static final List<String> SEARCH_TERMS =
      List.of(
          "低收入",
          "收入",
          "就业",
          "农民",
          "慈善",
          "共同富裕",
          "华侨",
          "养老",
          "low income",
          "employment",
          "charity",
          "farmers",
          "income",
          "education",
          "housing");
  private static final String PROBE_QUERY =
      """
      query Probe($code: String!) {
        currentRelease { number version }
        indicator(code: $code) { observations(first: 100) { nodes { period value } } }
      }""";
  private static final String SEARCH_QUERY =
      """
      query Search($q: String!) {
        search(query: $q, first: 10) {
          totalCount facets { dimension value count } nodes { type code title snippet }
        }
      }""";

  /** One request of the mix and how its response is judged. */
  public record Call(String kind, String label, HttpRequest request, Check check) {}

  /** Judges a response. */
  @FunctionalInterface
  public interface Check {
    Outcome judge(HttpResponse<byte[]> response);
  }

  private final URI base;
  private final NextRelease release;
  private final Map<String, List<Call>> byKind = new LinkedHashMap<>();
  private final Map<String, Double> weights = new LinkedHashMap<>();
  // ETag of each file of each release: learnt from the API for the current release, from the
  // first response for the next one; every later response must agree.
  private final Map<String, String> etags = new ConcurrentHashMap<>();

  private Workload(URI base, NextRelease release) {
    this.base = base;
    this.release = release;
  }

  /**
   * Discovers the workload from the portal at {@code base}. {@code withPages} includes the site
   * (its sitemap must be there); {@code release} names the current and the next release and the
   * observation that differs between them.
   */
  public static Workload discover(
      HttpClient client, URI base, NextRelease release, boolean withPages) throws Exception {
    Workload workload = new Workload(base, release);
    workload.addGraphQl(client);
    workload.addSearch();
    workload.addDownloads(client);
    if (withPages) {
      workload.addPages(client);
    }
    workload.weights.put("graphql", 0.30);
    workload.weights.put("search", 0.15);
    workload.weights.put("download", 0.20);
    workload.weights.put("page", withPages ? 0.35 : 0.0);
    return workload;
  }

  /** Every call once, for a first check before the load starts. */
  public List<Call> all() {
    return byKind.values().stream().flatMap(List::stream).toList();
  }

  /** How many distinct calls of each kind. */
  public Map<String, Integer> sizes() {
    Map<String, Integer> sizes = new LinkedHashMap<>();
    byKind.forEach((kind, calls) -> sizes.put(kind, calls.size()));
    return sizes;
  }

  /** The next call of the mix. */
  public Call next(Random random) {
    double total = weights.values().stream().mapToDouble(Double::doubleValue).sum();
    double pick = random.nextDouble() * total;
    for (var entry : weights.entrySet()) {
      pick -= entry.getValue();
      if (pick < 0 && !byKind.getOrDefault(entry.getKey(), List.of()).isEmpty()) {
        List<Call> calls = byKind.get(entry.getKey());
        return calls.get(random.nextInt(calls.size()));
      }
    }
    List<Call> calls = byKind.get("graphql");
    return calls.get(random.nextInt(calls.size()));
  }

  private void add(Call call) {
    byKind.computeIfAbsent(call.kind(), k -> new ArrayList<>()).add(call);
  }

  // ---- GraphQL

  private void addGraphQl(HttpClient client) throws Exception {
    for (String lang : List.of("ZH", "EN")) {
      Map<String, Object> langOnly = Map.of("lang", lang);
      graphQl("overview " + lang, siteDocument("overview"), Map.of("plan", plan(), "lang", lang));
      for (String list :
          List.of("indicators", "measures", "departments", "charities", "achievements")) {
        graphQl(list + " " + lang, siteDocument(list), langOnly);
      }
      graphQl("downloads " + lang, siteDocument("downloads"), langOnly);
      JsonNode report =
          post(client, siteDocument("income"), Map.of()).path("data").path("disclosureReport");
      for (JsonNode table : report.path("tables")) {
        int year = table.path("year").asInt();
        String label = "incomeYear " + year + " " + lang;
        if (byKind.getOrDefault("graphql", List.of()).stream()
            .noneMatch(c -> c.label().equals(label))) {
          graphQl(label, siteDocument("incomeYear"), Map.of("lang", lang, "year", year));
        }
      }
    }
    graphQl("income", siteDocument("income"), Map.of());
    graphQl("releases", siteDocument("releases"), Map.of());
    graphQl("mirror", siteDocument("mirror"), Map.of());
    graphQl("releaseFiles", siteDocument("releaseFiles"), Map.of("version", release.oldVersion()));
    for (Map.Entry<String, String> question : newsroomQuestions().entrySet()) {
      graphQl("newsroom " + question.getKey(), question.getValue(), Map.of());
    }
    // Over GET, cacheable: once plain, once revalidated with the ETag of a first answer.
    String changes = newsroomQuestions().get("release");
    if (changes != null) {
      URI get =
          base.resolve("/graphql?query=" + URLEncoder.encode(changes, StandardCharsets.UTF_8));
      add(new Call("graphql", "GET release-changes", get(get).build(), this::judgeGraphQl));
      HttpResponse<byte[]> first =
          client.send(get(get).build(), HttpResponse.BodyHandlers.ofByteArray());
      first
          .headers()
          .firstValue("ETag")
          .ifPresent(
              etag ->
                  add(
                      new Call(
                          "graphql",
                          "GET release-changes If-None-Match",
                          get(get).header("If-None-Match", etag).build(),
                          this::judgeGraphQl)));
    }
    // The changed observation, several times over so it is asked often.
    Call probe =
        new Call(
            "graphql",
            "probe observation",
            post(PROBE_QUERY, Map.of("code", release.probe().indicator())),
            this::judgeProbe);
    for (int i = 0; i < 5; i++) {
      add(probe);
    }
  }

  private void graphQl(String label, String document, Map<String, Object> variables) {
    add(new Call("graphql", label, post(document, variables), this::judgeGraphQl));
  }

  private void addSearch() {
    for (String term : SEARCH_TERMS) {
      add(
          new Call(
              "search",
              "search " + term,
              post(SEARCH_QUERY, Map.of("q", term)),
              response -> {
                Outcome outcome = judgeGraphQl(response);
                if (outcome.isError() || outcome.isMixed()) {
                  return outcome;
                }
                JsonNode search = JSON.readTree(response.body()).path("data").path("search");
                return search.path("totalCount").isNumber()
                    ? outcome
                    : Outcome.failed("search answered without totalCount");
              }));
    }
  }

  private Outcome judgeGraphQl(HttpResponse<byte[]> response) {
    return judgeGraphQl(response, data -> null);
  }

  /** Status 200 (or 304), no errors, a release named, and {@code currentRelease} agreeing. */
  private Outcome judgeGraphQl(HttpResponse<byte[]> response, Function<Answer, String> dataCheck) {
    if (response.statusCode() == 304) {
      return Outcome.ok(null, false);
    }
    if (response.statusCode() != 200) {
      return Outcome.failed("status " + response.statusCode() + ": " + excerpt(response.body()));
    }
    JsonNode answer;
    try {
      answer = JSON.readTree(response.body());
    } catch (RuntimeException e) {
      return Outcome.failed("not JSON: " + excerpt(response.body()));
    }
    if (answer.has("errors")) {
      return Outcome.failed("GraphQL errors: " + excerpt(answer.path("errors").toString()));
    }
    JsonNode named = answer.path("extensions").path("release");
    if (!named.path("version").isString()) {
      return Outcome.failed("no extensions.release in the answer");
    }
    String version = named.path("version").asString();
    JsonNode current = answer.path("data").path("currentRelease");
    if (current.has("version") && !current.path("version").asString().equals(version)) {
      return Outcome.mixed(
          "currentRelease " + current.path("version").asString() + " in an answer of " + version,
          version);
    }
    String wrong = dataCheck.apply(new Answer(version, answer.path("data")));
    return wrong == null ? Outcome.ok(version, true) : Outcome.mixed(wrong, version);
  }

  private record Answer(String version, JsonNode data) {}

  private Outcome judgeProbe(HttpResponse<byte[]> response) {
    NextRelease.Probe probe = release.probe();
    return judgeGraphQl(
        response,
        answer -> {
          BigDecimal expected = probe.expected(release, answer.version());
          if (expected == null) {
            return "unknown release " + answer.version();
          }
          for (JsonNode node : answer.data().path("indicator").path("observations").path("nodes")) {
            if (node.path("period").asString().equals(probe.period())) {
              BigDecimal value = new BigDecimal(node.path("value").asString());
              return value.compareTo(expected) == 0
                  ? null
                  : "value "
                      + value
                      + " in an answer of "
                      + answer.version()
                      + " (expected "
                      + expected
                      + ")";
            }
          }
          return "no observation for " + probe.period();
        });
  }

  // ---- downloads

  private void addDownloads(HttpClient client) throws Exception {
    String query =
        """
        { datasets { name distributions { format fileName sha256 url latestUrl } } }""";
    JsonNode datasets = post(client, query, Map.of()).path("data").path("datasets");
    for (JsonNode dataset : datasets) {
      String name = dataset.path("name").asString();
      if (!List.of("observations", "indicators", "measures", "charities").contains(name)) {
        continue;
      }
      for (JsonNode file : dataset.path("distributions")) {
        String format = file.path("format").asString();
        if (!List.of("CSV", "JSON", "XLSX").contains(format)) {
          continue;
        }
        String fileName = file.path("fileName").asString();
        String etag = "\"" + file.path("sha256").asString().substring(0, 32) + "\"";
        etags.put(name + "/" + fileName + "@" + release.oldVersion(), etag);
        URI versioned = base.resolve(URI.create(file.path("url").asString()).getRawPath());
        URI latest = base.resolve(URI.create(file.path("latestUrl").asString()).getRawPath());
        String key = name + "/" + fileName;
        boolean probed = name.equals("observations") && !format.equals("XLSX");
        add(download(key, versioned, get(versioned).build(), 200, false, false));
        add(download(key, latest, get(latest).build(), 200, true, probed));
        add(download(key, latest, get(latest).build(), 200, true, probed));
        add(
            download(
                key,
                versioned,
                get(versioned).header("If-None-Match", etag).build(),
                304,
                false,
                false));
        add(
            download(
                key, latest, get(latest).header("If-None-Match", etag).build(), 304, true, false));
        if (format.equals("CSV")) {
          add(
              download(
                  key,
                  versioned,
                  get(versioned).header("Range", "bytes=0-99").build(),
                  206,
                  false,
                  false));
        }
      }
    }
  }

  private Call download(
      String key, URI uri, HttpRequest request, int status, boolean latest, boolean probed) {
    String label =
        "download "
            + (latest ? "latest " : "")
            + key
            + request.headers().firstValue("Range").map(r -> " Range").orElse("")
            + request.headers().firstValue("If-None-Match").map(r -> " If-None-Match").orElse("");
    return new Call(
        "download",
        label,
        request,
        response -> judgeDownload(key, status, latest, probed, response));
  }

  private Outcome judgeDownload(
      String key, int status, boolean latest, boolean probed, HttpResponse<byte[]> response) {
    int actual = response.statusCode();
    // A conditional request on "latest" gets 200 again once a new release is served.
    boolean expected = actual == status || latest && status == 304 && actual == 200;
    if (!expected) {
      return Outcome.failed(
          "status " + actual + " (expected " + status + "): " + excerpt(response.body()));
    }
    if (actual == 304) {
      return Outcome.ok(null, false);
    }
    // The quoted file name carries the version as it is ('+' included): not URL-decoded.
    String disposition = response.headers().firstValue("Content-Disposition").orElse("");
    String version = named(disposition);
    if (version == null) {
      return Outcome.failed("no known release in Content-Disposition: " + disposition);
    }
    if (!latest && !version.equals(release.oldVersion())) {
      return Outcome.mixed("the file of " + release.oldVersion() + " named " + version, version);
    }
    String etag = response.headers().firstValue("ETag").orElse("");
    String known = etags.putIfAbsent(key + "@" + version, etag);
    if (known != null && !known.equals(etag)) {
      return Outcome.mixed(
          "ETag " + etag + " for " + key + " of " + version + ", before " + known, version);
    }
    if (actual == 206 && response.body().length != 100) {
      return Outcome.failed("a range of 100 bytes came as " + response.body().length);
    }
    if (probed) {
      String wrong = probeInFile(key, version, response.body());
      if (wrong != null) {
        return Outcome.mixed(wrong, version);
      }
    }
    return Outcome.ok(version, latest);
  }

  /** The release whose version the saved file name carries (the longest one that matches). */
  private String named(String disposition) {
    String found = null;
    for (String version : List.of(release.oldVersion(), release.newVersion())) {
      if (disposition.contains("-" + version + ".")
          && (found == null || version.length() > found.length())) {
        found = version;
      }
    }
    return found;
  }

  private String probeInFile(String key, String version, byte[] body) {
    NextRelease.Probe probe = release.probe();
    BigDecimal expected = probe.expected(release, version);
    String text = new String(body, StandardCharsets.UTF_8);
    if (key.endsWith(".csv")) {
      for (String line : text.split("\r?\n")) {
        if (line.startsWith(probe.csvKey())) {
          BigDecimal value =
              new BigDecimal(line.substring(probe.csvKey().length()).split(",", 2)[0]);
          return value.compareTo(expected) == 0
              ? null
              : "CSV of " + version + " has " + value + " (expected " + expected + ")";
        }
      }
      return "CSV of " + version + " lacks the probe row";
    }
    JsonNode file = JSON.readTree(body);
    if (!file.path("release").asString().equals(version)) {
      return "JSON says release " + file.path("release").asString() + ", its name " + version;
    }
    for (JsonNode row : file.path("data")) {
      if (row.path("indicator").asString().equals(probe.indicator())
          && row.path("period").asString().equals(probe.period())
          && row.path("geography").asString().equals(probe.geography())
          && row.path("disaggregation").asString().equals(probe.disaggregation())) {
        BigDecimal value = new BigDecimal(row.path("value").asString());
        return value.compareTo(expected) == 0
            ? null
            : "JSON of " + version + " has " + value + " (expected " + expected + ")";
      }
    }
    return "JSON of " + version + " lacks the probe row";
  }

  // ---- site pages

  private void addPages(HttpClient client) throws Exception {
    HttpResponse<String> sitemap =
        client.send(
            get(base.resolve("/sitemap.xml")).build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    if (sitemap.statusCode() != 200) {
      throw new IllegalStateException("no sitemap.xml: status " + sitemap.statusCode());
    }
    Matcher loc = Pattern.compile("<loc>([^<]*)</loc>").matcher(sitemap.body());
    List<String> others = new ArrayList<>();
    while (loc.find()) {
      String path = loc.group(1).replaceFirst("^[a-z]+://[^/]+", "").replaceFirst("^/", "");
      boolean main =
          path.isEmpty() || path.equals("en/") || path.matches("(en/)?(indicators|measures)/.+");
      if (main) {
        add(page(path));
      } else {
        others.add(path);
      }
    }
    // A sample of the other pages (plan structure, departments, charities, downloads, about …).
    for (int i = 0; i < others.size(); i += Math.max(1, others.size() / 30)) {
      add(page(others.get(i)));
    }
  }

  private Call page(String path) {
    URI uri = base.resolve("/" + path);
    boolean listsReleases = path.contains("downloads");
    return new Call(
        "page",
        "page /" + path,
        get(uri).build(),
        response -> {
          if (response.statusCode() != 200) {
            return Outcome.failed("status " + response.statusCode() + " for " + uri.getPath());
          }
          String html = new String(response.body(), StandardCharsets.UTF_8);
          Matcher footer = FOOTER.matcher(html);
          if (!footer.find()) {
            return Outcome.failed("no release in the footer of " + uri.getPath());
          }
          String version = footer.group(1);
          if (!listsReleases) {
            Matcher link = PAGE_DOWNLOAD.matcher(html);
            while (link.find()) {
              String linked = link.group(1).replace("%2B", "+").replace("%2b", "+");
              if (!linked.equals("latest") && !linked.equals(version)) {
                return Outcome.mixed(
                    "page of " + version + " links to the files of " + linked, version);
              }
            }
          }
          return Outcome.ok(version, true);
        });
  }

  // ---- helpers

  private HttpRequest post(String document, Map<String, Object> variables) {
    String body = JSON.writeValueAsString(Map.of("query", document, "variables", variables));
    return HttpRequest.newBuilder(base.resolve("/graphql"))
        .timeout(TIMEOUT)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
  }

  private JsonNode post(HttpClient client, String document, Map<String, Object> variables)
      throws Exception {
    HttpResponse<byte[]> response =
        client.send(post(document, variables), HttpResponse.BodyHandlers.ofByteArray());
    JsonNode answer = JSON.readTree(response.body());
    if (response.statusCode() != 200 || answer.has("errors")) {
      throw new IllegalStateException("discovery query failed: " + excerpt(response.body()));
    }
    return answer;
  }

  private static HttpRequest.Builder get(URI uri) {
    return HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET();
  }

  private String plan() {
    return "qt-kzt-2021-2025";
  }

  private static String siteDocument(String name) {
    return resource("/graphql/" + name + ".graphql");
  }

  /** The newsroom questions of docs/api.md (the site's questions.txt): id → query. */
  static Map<String, String> newsroomQuestions() {
    Map<String, String> questions = new LinkedHashMap<>();
    String id = null;
    StringBuilder query = new StringBuilder();
    for (String line : resource("/newsroom/questions.txt").split("\n")) {
      if (line.startsWith("## ")) {
        if (id != null) {
          questions.put(id, query.toString().strip());
        }
        id = line.substring(3).strip();
        query.setLength(0);
      } else if (id != null && !line.matches("^(zh|en|answer\\.zh|answer\\.en): .*")) {
        query.append(line).append('\n');
      }
    }
    if (id != null) {
      questions.put(id, query.toString().strip());
    }
    return questions;
  }

  private static String resource(String name) {
    try (InputStream in = Workload.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing " + name + " on the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String excerpt(byte[] body) {
    return excerpt(new String(body, StandardCharsets.UTF_8));
  }

  static String excerpt(String text) {
    String line = text.replaceAll("\\s+", " ");
    return line.length() > 200 ? line.substring(0, 200) + "…" : line;
  }
}
