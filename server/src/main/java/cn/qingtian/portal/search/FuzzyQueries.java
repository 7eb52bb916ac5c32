package cn.qingtian.portal.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.AutomatonQuery;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.automaton.LevenshteinAutomata;
import org.apache.lucene.util.automaton.Operations;

/**
 * The typo-tolerant query of an English word: the terms of a field within one edit of it (two from
 * 8 letters; a swap of neighbours counts as one), best-scoring 50 blended. Building the automaton
 * is most of a fuzzy query's cost and depends only on the word, so 1,000 queries are kept (Caffeine
 * picks which); a query does not depend on the index it runs on.
 */
final class FuzzyQueries {

  static final int MAX_QUERIES = 1_000;
  private static final int EXPANSIONS = 50;

  private final String field;
  private final Cache<String, Query> queries =
      Caffeine.newBuilder().executor(Runnable::run).maximumSize(MAX_QUERIES).build();

  FuzzyQueries(String field) {
    this.field = field;
  }

  /**
   * @param word lower case letters
   */
  Query get(String word) {
    return queries.get(word, this::build);
  }

  private Query build(String word) {
    int edits = word.length() >= 8 ? 2 : 1;
    return new AutomatonQuery(
        new Term(field, word),
        new LevenshteinAutomata(word, true).toAutomaton(edits),
        Operations.DEFAULT_DETERMINIZE_WORK_LIMIT,
        false,
        new MultiTermQuery.TopTermsBlendedFreqScoringRewrite(EXPANSIONS));
  }
}
