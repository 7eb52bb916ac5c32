package cn.qingtian.portal.search;

import cn.qingtian.portal.api.Edge;
import cn.qingtian.portal.api.InvalidInputException;
import cn.qingtian.portal.api.LocalizedText;
import cn.qingtian.portal.api.PageInfo;
import cn.qingtian.portal.api.PageRequest;
import cn.qingtian.portal.api.Pagination;
import cn.qingtian.portal.release.Release;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

  private final SearchService service;

  SearchController(SearchService service) {
    this.service = service;
  }

  record SearchFacet(String type, int count) {}

  /** A hit with its rank, the sort key of its cursor. */
  private record Ranked(String rank, SearchHit hit) {}

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
      @Argument String lang,
      @Arguments PageRequest page,
      @ContextValue Release release) {
    String text = clean(query);
    Set<String> wanted = types == null ? Set.of() : Set.copyOf(types);
    boolean english = lang.equals("EN");
    return service
        .index(release.number())
        .map(index -> index.search(text, wanted))
        .map(
            result -> {
              List<Ranked> hits = new ArrayList<>();
              for (SearchIndex.Hit hit : result.hits()) {
                SearchDocument d = hit.document();
                hits.add(
                    new Ranked(
                        "%06d".formatted(hits.size()),
                        new SearchHit(
                            d.type(),
                            d.id(),
                            d.code(),
                            LocalizedText.of(d.titleZh(), d.titleEn()),
                            Snippets.of(
                                text, english && d.textEn() != null ? d.textEn() : d.textZh()),
                            hit.score(),
                            d.provenance())));
              }
              var connection =
                  Pagination.page(
                      hits,
                      Ranked::rank,
                      page,
                      (cursor, r) -> new Edge<>(cursor, r.hit()),
                      Ranked::hit);
              List<SearchFacet> facets = new ArrayList<>();
              for (Map.Entry<String, Integer> facet : result.facets().entrySet()) {
                facets.add(new SearchFacet(facet.getKey(), facet.getValue()));
              }
              return new SearchConnection(
                  connection.edges(),
                  connection.nodes(),
                  connection.pageInfo(),
                  connection.totalCount(),
                  facets);
            });
  }

  /** Control characters become spaces and runs of space one; too long is an error, not a search. */
  static String clean(String query) {
    if (query.length() > MAX_QUERY) {
      throw new InvalidInputException(
          "查询最多 " + MAX_QUERY + " 个字符 / a search takes at most " + MAX_QUERY + " characters");
    }
    return query.replaceAll("[\\p{Cntrl}\\p{Cf}]", " ").replaceAll("\\s+", " ").strip();
  }
}
