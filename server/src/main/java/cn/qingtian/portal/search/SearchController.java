package cn.qingtian.portal.search;

import cn.qingtian.portal.api.Edge;
import cn.qingtian.portal.api.InvalidInputException;
import cn.qingtian.portal.api.LocalizedText;
import cn.qingtian.portal.api.PageInfo;
import cn.qingtian.portal.api.PageRequest;
import cn.qingtian.portal.api.Pagination;
import cn.qingtian.portal.messages.UserMessages;
import cn.qingtian.portal.release.Release;
import cn.qingtian.portal.search.SearchDocument.FacetDimension;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.Arguments;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** The {@code search} query. */
@Controller
class SearchController {

  /** Longer input is refused with a clear error rather than searched. */
  static final int MAX_QUERY = 200;

  /** A filter names at most this many values of one dimension. */
  static final int MAX_FILTER_VALUES = 50;

  /** The label of each hit type, from the bundle's {@code search.type.<TYPE>.zh/.en}. */
  private static final Map<String, LocalizedText> TYPE_LABELS =
      Stream.of(
              "PLAN",
              "AREA",
              "INDICATOR",
              "MEASURE",
              "DEPARTMENT",
              "TARGET_GROUP",
              "ACHIEVEMENT",
              "CHARITY",
              "SOURCE")
          .collect(
              Collectors.toUnmodifiableMap(
                  type -> type,
                  type ->
                      LocalizedText.of(
                          UserMessages.get("search.type." + type + ".zh"),
                          UserMessages.get("search.type." + type + ".en"))));

  private final SearchService service;

  SearchController(SearchService service) {
    this.service = service;
  }

  /** The {@code SearchFilter} input: per dimension, the values to keep. */
  record SearchFilter(
      @Nullable List<String> areas,
      @Nullable List<String> targetGroups,
      @Nullable List<String> departments,
      @Nullable List<Integer> years,
      @Nullable List<String> provenance) {}

  /** A hit with its rank, whose zero-padded digits are the sort key of its cursor. */
  private record Ranked(int rank, SearchIndex.Hit hit) {
    String key() {
      return Integer.toString(1_000_000 + rank).substring(1);
    }
  }

  record SearchConnection(
      List<?> edges,
      List<SearchHit> nodes,
      PageInfo pageInfo,
      int totalCount,
      List<SearchFacet> facets) {}

  @QueryMapping
  Mono<SearchConnection> search(
      @Argument String query,
      @Argument @Nullable List<String> types,
      @Argument @Nullable SearchFilter filter,
      @Argument String lang,
      @Arguments PageRequest page,
      @ContextValue Release release) {
    String text = clean(query);
    Map<FacetDimension, Set<String>> filters = filters(types, filter);
    boolean english = lang.equals("EN");
    return service
        .index(release.number())
        .map(
            index -> {
              SearchIndex.Result result = index.search(text, filters, depth(page));
              List<Ranked> ranked = new ArrayList<>();
              for (SearchIndex.Hit hit : result.hits()) {
                ranked.add(new Ranked(ranked.size(), hit));
              }
              // Snippets are cut only for the hits of the page, each once.
              Map<Integer, SearchHit> shown = new HashMap<>();
              Function<Ranked, SearchHit> show =
                  r ->
                      shown.computeIfAbsent(
                          r.hit().doc(), doc -> hit(index, r.hit(), text, english));
              var connection =
                  Pagination.page(
                      ranked,
                      Ranked::key,
                      page,
                      (cursor, r) -> new Edge<>(cursor, show.apply(r)),
                      show);
              List<SearchFacet> facets = new ArrayList<>();
              for (SearchIndex.FacetCount facet : result.facets()) {
                facets.add(
                    new SearchFacet(
                        facet.dimension().name(),
                        facet.value(),
                        label(index, facet.dimension(), facet.value()),
                        facet.count()));
              }
              return new SearchConnection(
                  connection.edges(),
                  connection.nodes(),
                  connection.pageInfo(),
                  result.total(),
                  facets);
            });
  }

  private static SearchHit hit(
      SearchIndex index, SearchIndex.Hit hit, String text, boolean english) {
    SearchDocument d = index.document(hit.doc());
    return new SearchHit(
        d.type(),
        d.id(),
        d.code(),
        LocalizedText.of(d.titleZh(), d.titleEn()),
        Snippets.labelled(
            Snippets.of(text, english && d.textEn() != null ? d.textEn() : d.textZh()),
            d.type(),
            "DEMO".equals(d.provenance()),
            english),
        hit.score(),
        d.provenance());
  }

  private static Map<FacetDimension, Set<String>> filters(
      @Nullable List<String> types, @Nullable SearchFilter filter) {
    Map<FacetDimension, Set<String>> filters = new EnumMap<>(FacetDimension.class);
    put(filters, FacetDimension.TYPE, types);
    if (filter != null) {
      put(filters, FacetDimension.AREA, filter.areas());
      put(filters, FacetDimension.TARGET_GROUP, filter.targetGroups());
      put(filters, FacetDimension.DEPARTMENT, filter.departments());
      put(
          filters,
          FacetDimension.YEAR,
          filter.years() == null ? null : filter.years().stream().map(String::valueOf).toList());
      put(filters, FacetDimension.PROVENANCE, filter.provenance());
    }
    return filters;
  }

  private static void put(
      Map<FacetDimension, Set<String>> filters,
      FacetDimension dimension,
      @Nullable List<String> values) {
    if (values != null && !values.isEmpty()) {
      if (values.size() > MAX_FILTER_VALUES) {
        throw new InvalidInputException(
            UserMessages.get("search.filter.tooMany", MAX_FILTER_VALUES));
      }
      filters.put(dimension, Set.copyOf(values));
    }
  }

  /** Areas, target groups and units by their names; types by their names; the rest as they are. */
  private static LocalizedText label(SearchIndex index, FacetDimension dimension, String value) {
    if (dimension == FacetDimension.TYPE) {
      return TYPE_LABELS.getOrDefault(value, LocalizedText.of(value, value));
    }
    SearchDocument named = index.named(dimension, value);
    return named == null
        ? LocalizedText.of(value, value)
        : LocalizedText.of(named.titleZh(), named.titleEn());
  }

  /**
   * How many hits to rank for this page: up to its end and one more (so that {@code hasNextPage} is
   * right), at least the re-ranked ones (so that every page sees the same order), at most {@link
   * SearchIndex#MAX_HITS}; paging backwards ranks them all.
   */
  static int depth(PageRequest page) {
    if (page.last() != null || page.before() != null) {
      return SearchIndex.MAX_HITS;
    }
    int first = page.first() == null ? PageRequest.MAX_PAGE_SIZE : page.first();
    int from = 0;
    if (page.after() != null) {
      try {
        from = Integer.parseInt(Pagination.decode(page.after())) + 1;
      } catch (NumberFormatException e) {
        throw new InvalidInputException(UserMessages.get("api.cursor.invalid"));
      }
    }
    return Math.min(SearchIndex.MAX_HITS, Math.max(SearchIndex.RERANKED, from + first + 1));
  }

  /** Control characters become spaces and runs of space one; too long is an error, not a search. */
  static String clean(String query) {
    if (query.length() > MAX_QUERY) {
      throw new InvalidInputException(UserMessages.get("search.query.tooLong", MAX_QUERY));
    }
    return query.replaceAll("[\\p{Cntrl}\\p{Cf}]", " ").replaceAll("\\s+", " ").strip();
  }
}
