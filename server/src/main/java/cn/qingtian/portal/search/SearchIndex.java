package cn.qingtian.portal.search;

import cn.qingtian.portal.search.SearchDocument.FacetDimension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.IntStream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.QueryBuilder;
import org.jspecify.annotations.Nullable;

/**
 * The search index of one release, in memory and immutable once built. Each entity is indexed in a
 * Chinese word field (smartcn: whole-word matches rank higher), a CJK bigram field with unigrams
 * (recall: 收入 finds 低收入, one character finds its words), an English field with stemming, and its
 * code as a keyword; its facet codes are kept as doc values for counting and as keywords for
 * filtering. A query is plain text, never Lucene syntax, so no input can make it fail.
 */
final class SearchIndex {

  /** At most this many hits are ranked and can be paged through; facets count every match. */
  static final int MAX_HITS = 1_000;

  /** At most this many values of each dimension are counted, the most frequent first. */
  static final int FACET_VALUES = 100;

  /** The best hits by text score are re-ranked by title coverage and the plan's order. */
  static final int RERANKED = 50;

  private static final Analyzer WORDS = new SmartChineseAnalyzer();
  private static final Analyzer BIGRAMS = bigrams(true);
  private static final Analyzer BIGRAM_QUERIES = bigrams(false);
  private static final Analyzer ENGLISH = new EnglishAnalyzer();
  private static final Map<String, Float> FIELDS =
      Map.of(
          "zh_title",
          4f,
          "zh_text",
          2f,
          "bi_title",
          1f,
          "bi_text",
          0.5f,
          "en_title",
          3f,
          "en_text",
          1.5f);
  private static final FacetsConfig FACETS = facetsConfig();
  private static final FuzzyQueries FUZZY = new FuzzyQueries("en_all");

  /** The entities whose codes are facet values: areas, target groups and units. */
  private static final Map<String, FacetDimension> NAMED =
      Map.of(
          "AREA", FacetDimension.AREA,
          "TARGET_GROUP", FacetDimension.TARGET_GROUP,
          "DEPARTMENT", FacetDimension.DEPARTMENT);

  private final IndexSearcher searcher;
  private final SortedSetDocValuesReaderState facetState;
  private final List<SearchDocument> documents;
  private final Map<FacetDimension, Map<String, SearchDocument>> named;

  private SearchIndex(
      DirectoryReader reader,
      List<SearchDocument> documents,
      Map<FacetDimension, Map<String, SearchDocument>> named)
      throws IOException {
    if (reader.leaves().size() > 1 || reader.maxDoc() != documents.size()) {
      throw new IllegalStateException("the index must be at most one segment of every document");
    }
    this.searcher = new IndexSearcher(reader);
    this.documents = documents;
    this.facetState = new DefaultSortedSetDocValuesReaderState(reader, FACETS);
    this.named = named;
  }

  /** The area, target group or unit a facet value is the code of, if it is one. */
  @Nullable SearchDocument named(FacetDimension dimension, String code) {
    return named.getOrDefault(dimension, Map.of()).get(code);
  }

  /** A hit: its Lucene document number and its score; the entity is read when it is shown. */
  record Hit(int doc, float score) {}

  /** A facet value and the number of matches that have it. */
  record FacetCount(FacetDimension dimension, String value, int count) {}

  /**
   * The ranked hits of a query (at most {@link #MAX_HITS}), the number of all matches, and the
   * facet counts over all matches.
   */
  record Result(List<Hit> hits, int total, List<FacetCount> facets) {}

  static SearchIndex build(List<SearchDocument> documents) {
    Map<String, Analyzer> perField = new LinkedHashMap<>();
    for (String field : FIELDS.keySet()) {
      perField.put(field, analyzer(field));
    }
    perField.put("en_all", analyzer("en_all"));
    Map<FacetDimension, Map<String, SearchDocument>> named = new EnumMap<>(FacetDimension.class);
    for (SearchDocument d : documents) {
      FacetDimension dimension = NAMED.get(d.type());
      if (dimension != null) {
        named.computeIfAbsent(dimension, k -> new HashMap<>()).put(d.code(), d);
      }
    }
    ByteBuffersDirectory directory = new ByteBuffersDirectory();
    try {
      try (IndexWriter writer =
          new IndexWriter(
              directory,
              new IndexWriterConfig(new PerFieldAnalyzerWrapper(new StandardAnalyzer(), perField))
                  // Sorted by ordinal, the merged index has the corpus's order whatever thread
                  // added a document: document numbers are places in the corpus.
                  .setIndexSort(new Sort(new SortField("ordinal", SortField.Type.INT))))) {
        // Both cores: IndexWriter takes documents from several threads.
        IntStream.range(0, documents.size())
            .parallel()
            .forEach(
                i -> {
                  try {
                    writer.addDocument(FACETS.build(document(documents.get(i), i)));
                  } catch (IOException e) {
                    throw new UncheckedIOException(e);
                  }
                });
        writer.forceMerge(1); // immutable from now on: one segment is the fastest to search
      }
      return new SearchIndex(DirectoryReader.open(directory), List.copyOf(documents), named);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Document document(SearchDocument d, int ordinal) {
    Document doc = new Document();
    // The index is sorted by ordinal and merged to one segment, so a hit's document number is its
    // place in the corpus: the entity itself stays in memory and is read from there (reading it
    // back from stored fields, decompressing a block per hit, was the largest cost of a query).
    doc.add(new NumericDocValuesField("ordinal", ordinal));
    doc.add(new StringField("code", d.code().toLowerCase(Locale.ROOT), Field.Store.NO));
    doc.add(new TextField("zh_title", d.titleZh(), Field.Store.NO));
    doc.add(new TextField("zh_text", d.textZh(), Field.Store.NO));
    doc.add(new TextField("bi_title", d.titleZh(), Field.Store.NO));
    doc.add(new TextField("bi_text", d.textZh(), Field.Store.NO));
    if (d.titleEn() != null) {
      doc.add(new TextField("en_title", d.titleEn(), Field.Store.NO));
    }
    if (d.textEn() != null) {
      doc.add(new TextField("en_text", d.textEn(), Field.Store.NO));
    }
    // Typos are looked up in one field of all English text: one automaton per word, not two.
    doc.add(
        new TextField(
            "en_all",
            (d.titleEn() == null ? "" : d.titleEn()) + " " + (d.textEn() == null ? "" : d.textEn()),
            Field.Store.NO));
    Map<FacetDimension, List<String>> facets = new EnumMap<>(FacetDimension.class);
    facets.putAll(d.facets());
    facets.put(FacetDimension.TYPE, List.of(d.type()));
    if (d.provenance() != null) {
      facets.put(FacetDimension.PROVENANCE, List.of(d.provenance()));
    }
    facets.forEach(
        (dimension, values) -> {
          for (String value : Set.copyOf(values)) {
            doc.add(new SortedSetDocValuesFacetField(dimension.name(), value));
            doc.add(new StringField(filterField(dimension), value, Field.Store.NO));
          }
        });
    return doc;
  }

  /** The entity of a hit, as indexed (its texts are what a snippet is cut from). */
  SearchDocument document(int doc) {
    return documents.get(doc);
  }

  /**
   * @param text plain text (already cleaned); words in double quotes must appear as a phrase
   * @param filters per dimension, the values to keep (any of them); dimensions not named keep all
   */
  Result search(String text, Map<FacetDimension, Set<String>> filters, int depth) {
    Query asTyped = query(text, false);
    Result exact = search(asTyped, text, filters, depth);
    if (exact.total() > 0) {
      return exact;
    }
    // Typo tolerance only when nothing matches as typed (fuzzy terms cost far more than exact
    // ones), and only if some word can have a typo: else the same query would run twice.
    Query tolerant = query(text, true);
    return Objects.equals(tolerant, asTyped) ? exact : search(tolerant, text, filters, depth);
  }

  private Result search(
      @Nullable Query query, String text, Map<FacetDimension, Set<String>> filters, int depth) {
    if (query == null) {
      return new Result(List.of(), 0, List.of());
    }
    BooleanQuery.Builder filtered = new BooleanQuery.Builder().add(query, Occur.MUST);
    filters.forEach(
        (dimension, values) -> {
          if (!values.isEmpty()) {
            BooleanQuery.Builder any = new BooleanQuery.Builder();
            values.forEach(
                v -> any.add(new TermQuery(new Term(filterField(dimension), v)), Occur.SHOULD));
            filtered.add(any.build(), Occur.FILTER);
          }
        });
    try {
      FacetsCollectorManager.FacetsResult found =
          FacetsCollectorManager.search(
              searcher, filtered.build(), Math.min(depth, MAX_HITS), new FacetsCollectorManager());
      List<Hit> hits = new ArrayList<>();
      for (ScoreDoc scoreDoc : found.topDocs().scoreDocs) {
        hits.add(new Hit(scoreDoc.doc, scoreDoc.score));
      }
      List<FacetCount> facets = facets(found.facetsCollector());
      int total =
          facets.stream()
              .filter(f -> f.dimension() == FacetDimension.TYPE)
              .mapToInt(FacetCount::count)
              .sum();
      return new Result(rerank(text, hits), total, facets);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Only the best {@link #RERANKED} hits are re-ranked: a title that contains the query and an
   * early place in the plan settle close calls among them. Their factors are at least 1, so they
   * stay ahead of the rest.
   */
  private List<Hit> rerank(String text, List<Hit> hits) {
    int n = Math.min(RERANKED, hits.size());
    if (n == 0) {
      return hits;
    }
    List<Hit> best = new ArrayList<>(n);
    for (Hit hit : hits.subList(0, n)) {
      SearchDocument d = documents.get(hit.doc());
      best.add(
          new Hit(
              hit.doc(),
              hit.score() * prior(d.order()) * titleCover(text, d.titleZh(), d.titleEn())));
    }
    best.sort(Comparator.comparingDouble(Hit::score).reversed());
    List<Hit> ranked = new ArrayList<>(hits.size());
    ranked.addAll(best);
    ranked.addAll(hits.subList(n, hits.size()));
    return List.copyOf(ranked);
  }

  private List<FacetCount> facets(FacetsCollector collector) throws IOException {
    List<FacetCount> counts = new ArrayList<>();
    Facets facets = new SortedSetDocValuesFacetCounts(facetState, collector);
    for (FacetResult result : facets.getAllDims(FACET_VALUES)) {
      FacetDimension dimension = FacetDimension.valueOf(result.dim);
      List<LabelAndValue> values = new ArrayList<>(List.of(result.labelValues));
      if (dimension == FacetDimension.YEAR) {
        values.sort(Comparator.comparing((LabelAndValue v) -> v.label).reversed());
      }
      for (LabelAndValue value : values) {
        counts.add(new FacetCount(dimension, value.label, value.value.intValue()));
      }
    }
    counts.sort(Comparator.comparing(FacetCount::dimension)); // stable: keeps each one's order
    return counts;
  }

  private static String filterField(FacetDimension dimension) {
    return "filter_" + dimension.name();
  }

  private static FacetsConfig facetsConfig() {
    FacetsConfig config = new FacetsConfig();
    for (FacetDimension dimension : FacetDimension.values()) {
      config.setMultiValued(dimension.name(), true);
    }
    return config;
  }

  /**
   * Every word (and every quoted phrase) must match in some field: a Chinese word, its bigrams, an
   * English word (stemmed, or within one or two edits for a typo), or the entity's code.
   */
  private static @Nullable Query query(String text, boolean fuzzy) {
    List<String> phrases = new ArrayList<>();
    List<String> words = new ArrayList<>();
    String[] parts = text.split("\"", -1);
    boolean balanced = parts.length % 2 == 1;
    for (int i = 0; i < parts.length; i++) {
      if (balanced && i % 2 == 1) {
        if (!parts[i].isBlank()) {
          phrases.add(parts[i].strip());
        }
      } else {
        for (String word : parts[i].split(" ")) {
          if (!word.isBlank()) {
            words.add(word);
          }
        }
      }
    }
    BooleanQuery.Builder all = new BooleanQuery.Builder();
    boolean some = false;
    for (String word : words) {
      if (EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.contains(word.toLowerCase(Locale.ROOT))) {
        continue; // "and", "of": no field indexes them, so they must not be required
      }
      Query q = anyField(word, false, fuzzy);
      if (q != null) {
        all.add(q, Occur.MUST);
        some = true;
      }
    }
    for (String phrase : phrases) {
      Query q = anyField(phrase, true, false);
      if (q != null) {
        all.add(q, Occur.MUST);
        some = true;
      }
    }
    return some ? all.build() : null;
  }

  private static @Nullable Query anyField(String text, boolean phrase, boolean fuzzy) {
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    boolean some = false;
    for (Map.Entry<String, Float> field : FIELDS.entrySet()) {
      QueryBuilder builder = new QueryBuilder(queryAnalyzer(field.getKey()));
      Query q =
          phrase
              ? builder.createPhraseQuery(field.getKey(), text)
              : builder.createBooleanQuery(field.getKey(), text, Occur.MUST);
      if (q != null) {
        any.add(new BoostQuery(q, field.getValue()), Occur.SHOULD);
        some = true;
      }
    }
    String lower = text.toLowerCase(Locale.ROOT);
    if (fuzzy && lower.matches("[a-z]{5,}")) {
      any.add(new BoostQuery(FUZZY.get(lower), 0.3f), Occur.SHOULD);
      some = true;
    }
    if (!phrase && !lower.isEmpty()) {
      any.add(new BoostQuery(new TermQuery(new Term("code", lower)), 10f), Occur.SHOULD);
      some = true;
    }
    return some ? any.build() : null;
  }

  /**
   * A prior for close calls, multiplied into the text score: what the plan states first (its
   * headline indicators, its first measures) is what most people look for.
   */
  static float prior(int order) {
    return order > 0 ? 1f + 0.5f / (float) Math.sqrt(order) : 1f;
  }

  /**
   * A title that contains the whole query ranks higher, the more of the title the query covers:
   * 可支配收入 is most of 居民人均可支配收入 and less of 低收入农户人均可支配收入.
   */
  static float titleCover(String query, @Nullable String titleZh, @Nullable String titleEn) {
    String q = query.replace("\"", "").strip().toLowerCase(Locale.ROOT);
    float best = 1f;
    for (String title : new String[] {titleZh, titleEn}) {
      if (title != null && !q.isEmpty() && title.toLowerCase(Locale.ROOT).contains(q)) {
        best = Math.max(best, 1f + 2f * q.length() / title.length());
      }
    }
    return best;
  }

  private static Analyzer analyzer(String field) {
    if (field.startsWith("zh_")) {
      return WORDS;
    }
    if (field.startsWith("bi_")) {
      return BIGRAMS;
    }
    return ENGLISH;
  }

  /**
   * A query is cut into bigrams only (a lone character stays itself): requiring the characters of
   * 收入 one by one as well would visit the long posting lists of 收 and 入 for nothing.
   */
  private static Analyzer queryAnalyzer(String field) {
    return field.startsWith("bi_") ? BIGRAM_QUERIES : analyzer(field);
  }

  private static Analyzer bigrams(boolean unigrams) {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer tokenizer = new StandardTokenizer();
        TokenStream stream = new CJKWidthFilter(tokenizer);
        stream = new LowerCaseFilter(stream);
        stream =
            new CJKBigramFilter(
                stream,
                CJKBigramFilter.HAN | CJKBigramFilter.HIRAGANA | CJKBigramFilter.KATAKANA,
                unigrams);
        return new TokenStreamComponents(tokenizer, stream);
      }
    };
  }
}
