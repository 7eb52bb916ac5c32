package cn.qingtian.portal.search;

import cn.qingtian.portal.disclosure.Township;
import cn.qingtian.portal.search.SearchDocument.FacetDimension;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * {@code bench/search-bench}: a synthetic corpus of realistic text (the plan's own sentences,
 * titles and terms, recombined per township and year, in both languages), then index build time and
 * query latency for 1-, 2- and 4-term Chinese and English queries. Three modes:
 *
 * <ul>
 *   <li>{@code in-process DATASETS N RUNS}: builds the index RUNS times, then times queries as the
 *       API answers them (search, facets, the first page's ten entities and their snippets);
 *   <li>{@code corpus DATASETS N}: appends the same N documents as DEMO achievements to {@code
 *       DATASETS/demo/achievements.csv}, for a portal to import and serve;
 *   <li>{@code http URL CLIENTS REQUESTS}: CLIENTS concurrent clients each send REQUESTS queries of
 *       every kind to {@code URL} (the portal's {@code /graphql}) and time the answers.
 * </ul>
 */
public final class SearchBenchmark {

  private static final List<String> CHINESE_TERMS =
      List.of(
          "收入", "就业", "养老保险", "低收入农户", "技能", "培训", "慈善", "华侨", "医疗", "教育", "住房", "救助", "农民", "工资",
          "创业", "产业", "补贴", "残疾人", "乡村", "集体经济", "公共服务", "消费", "人才", "企业", "保障", "帮扶", "困难群体",
          "个体工商户", "数字化", "旅游", "农产品", "城乡", "居民", "家庭", "义务教育", "医保", "技术工人", "增收");
  private static final List<String> ENGLISH_TERMS =
      List.of(
          "income",
          "employment",
          "pension",
          "insurance",
          "skills",
          "training",
          "charity",
          "overseas",
          "medical",
          "education",
          "housing",
          "assistance",
          "farmers",
          "wages",
          "entrepreneurship",
          "industry",
          "subsidies",
          "disabilities",
          "rural",
          "collective",
          "services",
          "consumption",
          "talent",
          "enterprises",
          "security",
          "support",
          "households",
          "digital",
          "tourism",
          "products",
          "urban",
          "residents",
          "families",
          "workers",
          "public",
          "growth");
  private static final int[] TERMS = {1, 2, 4};
  private static final int[] ENGLISH_TERMS_AND_TYPOS = {1, 2, 4, 0};
  // Queries per kind in-process (warm-up, then timed) and in the warm-up pass through /graphql;
  // search-bench's smoke mode sets smaller counts with -Dsearch.bench.* (it measures nothing).
  private static final int WARM_UP = Integer.getInteger("search.bench.warm-up", 500);
  private static final int MEASURED = Integer.getInteger("search.bench.measured", 2_000);
  private static final int HTTP_WARM_UP = Integer.getInteger("search.bench.http-warm-up", 300);

  private SearchBenchmark() {}

  public static void main(String[] args) throws Exception {
    switch (args[0]) {
      case "in-process" ->
          inProcess(
              new Plan(Path.of(args[1])), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
      case "corpus" ->
          corpus(new Plan(Path.of(args[1])), Path.of(args[1]), Integer.parseInt(args[2]));
      case "http" ->
          http(URI.create(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
      default -> throw new IllegalArgumentException("unknown mode " + args[0]);
    }
  }

  /** The plan's texts the corpus is recombined from. */
  record Plan(
      List<String> titlesZh,
      List<String> titlesEn,
      List<String> sentencesZh,
      List<String> sentencesEn) {

    Plan(Path datasets) throws IOException {
      this(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
      Path plan = datasets.resolve("qingtian");
      for (CSVRecord row : rows(plan.resolve("measures.csv"))) {
        pair(row.get("title_zh"), row.get("title_en"));
        split(row.get("text_zh"), "[。；]", sentencesZh);
        split(row.get("summary_en"), "(?<=\\.) ", sentencesEn);
      }
      for (CSVRecord row : rows(plan.resolve("indicators.csv"))) {
        pair(row.get("name_zh"), row.get("name_en"));
        split(row.get("definition_zh"), "[。；]", sentencesZh);
        split(row.get("definition_en"), "(?<=\\.) ", sentencesEn);
      }
    }

    private void pair(String zh, String en) {
      if (!zh.isBlank() && !en.isBlank()) {
        titlesZh.add(zh);
        titlesEn.add(en);
      }
    }

    private static void split(String text, String separator, List<String> into) {
      for (String sentence : text.split(separator)) {
        if (sentence.strip().length() >= 8) {
          into.add(sentence.strip());
        }
      }
    }

    private static List<CSVRecord> rows(Path file) throws IOException {
      try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        return CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .get()
            .parse(reader)
            .getRecords();
      }
    }

    /** Document {@code i}: a township's work of a year on one of the plan's subjects. */
    SearchDocument document(int i, SplittableRandom random) {
      Township township = Township.ALL.get(random.nextInt(Township.ALL.size()));
      int year = 2021 + random.nextInt(4);
      int subject = random.nextInt(titlesZh.size());
      String code = "BENCH_%06d".formatted(i);
      return new SearchDocument(
          "ACHIEVEMENT",
          code,
          code,
          "（演示）%d年%s：%s".formatted(year, township.nameZh(), titlesZh.get(subject)),
          "(DEMO) %d, township %s: %s".formatted(year, township.code(), titlesEn.get(subject)),
          pick(sentencesZh, 3, "。", random) + "。",
          pick(sentencesEn, 2, " ", random),
          "DEMO",
          0,
          Map.of(FacetDimension.YEAR, List.of(String.valueOf(year))));
    }

    private static String pick(List<String> from, int n, String glue, SplittableRandom random) {
      List<String> picked = new ArrayList<>();
      for (int k = 0; k < n; k++) {
        picked.add(from.get(random.nextInt(from.size())));
      }
      return String.join(glue, picked);
    }

    List<SearchDocument> documents(int n) {
      SplittableRandom random = new SplittableRandom(20251);
      List<SearchDocument> documents = new ArrayList<>(n);
      for (int i = 1; i <= n; i++) {
        documents.add(document(i, random));
      }
      return documents;
    }
  }

  private static void inProcess(Plan plan, int n, int runs) {
    List<SearchDocument> documents = plan.documents(n);
    List<Double> builds = new ArrayList<>();
    SearchIndex index = null;
    for (int run = 0; run < runs; run++) {
      index = null;
      System.gc();
      long start = System.nanoTime();
      index = SearchIndex.build(documents);
      builds.add(Math.round((System.nanoTime() - start) / 1e7) / 100.0);
    }
    System.out.printf(
        "corpus: %,d documents; index build: median %.2f s over %d runs %s%n",
        n, median(builds), runs, builds);
    SearchIndex built = index;
    for (boolean english : new boolean[] {false, true}) {
      for (int terms : english ? ENGLISH_TERMS_AND_TYPOS : TERMS) {
        List<String> queries = queries(english, terms, WARM_UP + MEASURED);
        List<Double> millis = new ArrayList<>();
        int found = 0;
        for (int q = 0; q < queries.size(); q++) {
          long start = System.nanoTime();
          found += answer(built, queries.get(q), english);
          if (q >= WARM_UP) {
            millis.add((System.nanoTime() - start) / 1e6);
          }
        }
        report("in-process", english, terms, millis, found / (double) queries.size());
      }
    }
  }

  /**
   * What the API does for a query: search with facets, then the first page of ten with snippets.
   */
  private static int answer(SearchIndex index, String query, boolean english) {
    SearchIndex.Result result = index.search(query, Map.of(), SearchIndex.RERANKED);
    for (SearchIndex.Hit hit : result.hits().subList(0, Math.min(10, result.hits().size()))) {
      SearchDocument d = index.document(hit.doc());
      Snippets.of(query, english ? d.textEn() : d.textZh());
    }
    return result.total();
  }

  private static void corpus(Plan plan, Path datasets, int n) throws IOException {
    Path file = datasets.resolve("demo").resolve("achievements.csv");
    try (Writer out =
            Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        CSVPrinter printer =
            new CSVPrinter(out, CSVFormat.RFC4180.builder().setRecordSeparator("\n").get())) {
      for (SearchDocument d : plan.documents(n)) {
        String year = d.facets().get(FacetDimension.YEAR).get(0);
        printer.printRecord(
            d.code(),
            year,
            year + "-12-15",
            d.titleZh(),
            d.titleEn(),
            d.textZh(),
            d.textEn(),
            "DEMO",
            "DEMO_GENERATOR");
      }
    }
    System.out.printf("appended %,d synthetic achievements to %s%n", n, file);
  }

  private static void http(URI graphql, int clients, int requests) throws Exception {
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      // A first pass over every kind of query warms the server up (JIT) before anything is timed;
      // its queries are not the timed ones (the typo queries would find their automata cached).
      for (boolean english : new boolean[] {false, true}) {
        for (int terms : english ? ENGLISH_TERMS_AND_TYPOS : TERMS) {
          List<String> other = queries(english, terms, clients * requests + HTTP_WARM_UP);
          warmUp(
              client,
              graphql,
              pool,
              clients,
              other.subList(clients * requests, other.size()),
              english);
        }
      }
      for (boolean english : new boolean[] {false, true}) {
        for (int terms : english ? ENGLISH_TERMS_AND_TYPOS : TERMS) {
          List<String> queries = queries(english, terms, clients * requests);
          List<Double> millis = Collections.synchronizedList(new ArrayList<>());
          long start = System.nanoTime();
          List<Future<?>> running = new ArrayList<>();
          for (int c = 0; c < clients; c++) {
            List<String> mine = queries.subList(c * requests, (c + 1) * requests);
            running.add(
                pool.submit(
                    () -> {
                      for (String q : mine) {
                        long sent = System.nanoTime();
                        send(client, graphql, q, english);
                        millis.add((System.nanoTime() - sent) / 1e6);
                      }
                      return null;
                    }));
          }
          for (Future<?> f : running) {
            f.get();
          }
          double seconds = (System.nanoTime() - start) / 1e9;
          report(
              "/graphql, %d clients, %.0f req/s".formatted(clients, millis.size() / seconds),
              english,
              terms,
              millis,
              -1);
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static void warmUp(
      HttpClient client,
      URI graphql,
      ExecutorService pool,
      int clients,
      List<String> queries,
      boolean english)
      throws Exception {
    List<Future<?>> warming = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      warming.add(
          pool.submit(
              () -> {
                for (String q : queries) {
                  send(client, graphql, q, english);
                }
                return null;
              }));
    }
    for (Future<?> f : warming) {
      f.get();
    }
  }

  private static void send(HttpClient client, URI graphql, String query, boolean english) {
    String body =
        "{\"query\":\"query($q: String!) { search(query: $q, lang: %s, first: 10) { totalCount"
                .formatted(english ? "EN" : "ZH")
            + " nodes { code title snippet provenance } facets { dimension value count } } }\","
            + "\"variables\":{\"q\":\""
            + query
            + "\"}}";
    try {
      HttpResponse<String> response =
          client.send(
              HttpRequest.newBuilder(graphql)
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200 || response.body().contains("\"errors\"")) {
        throw new IllegalStateException(response.statusCode() + " " + response.body());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Queries of {@code terms} distinct words each, drawn with a fixed seed; {@code terms} 0 means
   * two English words, the first with one letter replaced at random (a typo: nearly every query is
   * new, so the fuzzy-query cache rarely helps).
   */
  static List<String> queries(boolean english, int terms, int count) {
    if (terms == 0) {
      SplittableRandom random = new SplittableRandom(7);
      List<String> typos = new ArrayList<>(count);
      for (String q : queries(true, 2, count)) {
        char[] word = q.toCharArray();
        word[1 + random.nextInt(q.indexOf(' ') - 1)] = (char) ('a' + random.nextInt(26));
        typos.add(new String(word));
      }
      return typos;
    }
    List<String> vocabulary = english ? ENGLISH_TERMS : CHINESE_TERMS;
    SplittableRandom random = new SplittableRandom(terms * 31L + (english ? 1 : 0));
    List<String> queries = new ArrayList<>(count);
    for (int q = 0; q < count; q++) {
      List<String> words = new ArrayList<>();
      while (words.size() < terms) {
        String word = vocabulary.get(random.nextInt(vocabulary.size()));
        if (!words.contains(word)) {
          words.add(word);
        }
      }
      queries.add(String.join(" ", words));
    }
    return queries;
  }

  private static void report(
      String where, boolean english, int terms, List<Double> millis, double meanMatches) {
    List<Double> sorted = millis.stream().sorted().toList();
    System.out.printf(
        "%s: %s %s queries, n=%d: p50 %.2f ms, p99 %.2f ms%s%n",
        where,
        english ? "English" : "Chinese",
        terms == 0 ? "2-term (one typo)" : terms + "-term",
        sorted.size(),
        sorted.get(sorted.size() / 2),
        sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1),
        meanMatches < 0 ? "" : ", %.0f matches on average".formatted(meanMatches));
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
