package cn.qingtian.portal.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.QueryBuilder;
import org.jspecify.annotations.Nullable;

/**
 * The search index of one release, in memory and immutable once built. Each entity is indexed in a
 * Chinese word field (smartcn: whole-word matches rank higher), a CJK bigram field with unigrams
 * (recall: 收入 finds 低收入, one character finds its words), an English field with stemming, and its
 * code as a keyword. A query is plain text, never Lucene syntax, so no input can make it fail.
 */
final class SearchIndex {

  /** At most this many hits are ranked; facets count over them. */
  static final int MAX_HITS = 1_000;

  private static final Analyzer WORDS = new SmartChineseAnalyzer();
  private static final Analyzer BIGRAMS = bigrams();
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

  private final IndexSearcher searcher;

  private SearchIndex(IndexSearcher searcher) {
    this.searcher = searcher;
  }

  /** A hit: the entity as indexed (its texts are what a snippet is cut from) and its score. */
  record Hit(SearchDocument document, float score) {}

  /** The ranked hits of a query and the number of hits per type. */
  record Result(List<Hit> hits, Map<String, Integer> facets) {}

  static SearchIndex build(List<SearchDocument> documents) {
    Map<String, Analyzer> perField = new LinkedHashMap<>();
    for (String field : FIELDS.keySet()) {
      perField.put(field, analyzer(field));
    }
    ByteBuffersDirectory directory = new ByteBuffersDirectory();
    try (IndexWriter writer =
        new IndexWriter(
            directory,
            new IndexWriterConfig(new PerFieldAnalyzerWrapper(new StandardAnalyzer(), perField)))) {
      for (SearchDocument d : documents) {
        Document doc = new Document();
        doc.add(new StringField("type", d.type(), Field.Store.YES));
        doc.add(new StoredField("id", d.id()));
        doc.add(new StringField("code", d.code().toLowerCase(Locale.ROOT), Field.Store.NO));
        doc.add(new StoredField("code_stored", d.code()));
        doc.add(new TextField("zh_title", d.titleZh(), Field.Store.YES));
        doc.add(new TextField("zh_text", d.textZh(), Field.Store.YES));
        doc.add(new TextField("bi_title", d.titleZh(), Field.Store.NO));
        doc.add(new TextField("bi_text", d.textZh(), Field.Store.NO));
        if (d.titleEn() != null) {
          doc.add(new TextField("en_title", d.titleEn(), Field.Store.YES));
        }
        if (d.textEn() != null) {
          doc.add(new TextField("en_text", d.textEn(), Field.Store.YES));
        }
        if (d.provenance() != null) {
          doc.add(new StoredField("provenance", d.provenance()));
        }
        doc.add(new StoredField("order", d.order()));
        writer.addDocument(doc);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      return new SearchIndex(new IndexSearcher(DirectoryReader.open(directory)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * @param text plain text (already cleaned); words in double quotes must appear as a phrase
   * @param types the entity types to keep, or empty for all
   */
  Result search(String text, Set<String> types) {
    Query query = query(text);
    if (query == null) {
      return new Result(List.of(), Map.of());
    }
    BooleanQuery.Builder filtered = new BooleanQuery.Builder().add(query, Occur.MUST);
    if (!types.isEmpty()) {
      BooleanQuery.Builder anyType = new BooleanQuery.Builder();
      types.forEach(t -> anyType.add(new TermQuery(new Term("type", t)), Occur.SHOULD));
      filtered.add(anyType.build(), Occur.FILTER);
    }
    try {
      TopDocs top = searcher.search(filtered.build(), MAX_HITS);
      StoredFields stored = searcher.storedFields();
      List<Hit> hits = new ArrayList<>();
      Map<String, Integer> facets = new LinkedHashMap<>();
      for (ScoreDoc scoreDoc : top.scoreDocs) {
        Document doc = stored.document(scoreDoc.doc);
        SearchDocument found =
            new SearchDocument(
                doc.get("type"),
                doc.get("id"),
                doc.get("code_stored"),
                doc.get("zh_title"),
                doc.get("en_title"),
                doc.get("zh_text"),
                doc.get("en_text"),
                doc.get("provenance"),
                doc.getField("order").numericValue().intValue());
        hits.add(new Hit(found, scoreDoc.score * prior(found.order()) * titleCover(text, found)));
        facets.merge(found.type(), 1, Integer::sum);
      }
      hits.sort(java.util.Comparator.comparingDouble(Hit::score).reversed());
      return new Result(List.copyOf(hits), facets);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Every word (and every quoted phrase) must match in some field: a Chinese word, its bigrams, an
   * English word (stemmed, or within one or two edits for a typo), or the entity's code.
   */
  private static @Nullable Query query(String text) {
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
      Query q = anyField(word, false);
      if (q != null) {
        all.add(q, Occur.MUST);
        some = true;
      }
    }
    for (String phrase : phrases) {
      Query q = anyField(phrase, true);
      if (q != null) {
        all.add(q, Occur.MUST);
        some = true;
      }
    }
    return some ? all.build() : null;
  }

  private static @Nullable Query anyField(String text, boolean phrase) {
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    boolean some = false;
    for (Map.Entry<String, Float> field : FIELDS.entrySet()) {
      QueryBuilder builder = new QueryBuilder(analyzer(field.getKey()));
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
    if (!phrase && lower.matches("[a-z]{5,}")) {
      int edits = lower.length() >= 8 ? 2 : 1;
      for (String field : List.of("en_title", "en_text")) {
        any.add(new BoostQuery(new FuzzyQuery(new Term(field, lower), edits), 0.3f), Occur.SHOULD);
      }
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
  static float titleCover(String query, SearchDocument d) {
    String q = query.replace("\"", "").strip().toLowerCase(Locale.ROOT);
    float best = 1f;
    for (String title : new String[] {d.titleZh(), d.titleEn()}) {
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

  private static Analyzer bigrams() {
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
                true);
        return new TokenStreamComponents(tokenizer, stream);
      }
    };
  }
}
