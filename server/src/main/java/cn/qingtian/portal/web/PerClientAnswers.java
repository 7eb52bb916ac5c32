package cn.qingtian.portal.web;

import cn.qingtian.portal.ratelimit.RateLimitStatus;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import reactor.core.publisher.Mono;

/**
 * Answers about the caller (its {@code rateLimit}) are never stored by anyone: {@code
 * Cache-Control: private, no-store} over POST and GET, no ETag and no {@code 304} over GET ({@link
 * GraphQlGetRoutes}), and never kept by the {@link ResponseCache}. Otherwise a browser or a shared
 * cache would show a client another moment's, or another client's, remaining points.
 *
 * <p>Decided twice: before the query runs, from the document (any field of that name, under any
 * alias or fragment, so a GET cannot be answered {@code 304} from its ETag), and after it ran, from
 * what the resolvers said they showed ({@link RateLimitStatus#SHOWN}).
 */
final class PerClientAnswers implements WebGraphQlInterceptor, Ordered {

  /** The value of {@code Cache-Control} on an answer about the caller. */
  static final String CACHE_CONTROL = "private, no-store";

  /** The fields whose value depends on who asks. */
  private static final Set<String> FIELDS = Set.of("rateLimit");

  // Clients send the same few documents again and again: each is looked at once.
  private static final Cache<String, Boolean> DOCUMENTS =
      Caffeine.newBuilder().executor(Runnable::run).maximumSize(1_000).build();

  @Override
  public int getOrder() {
    // Outside the response cache, so it sees every answer, cached or not.
    return Ordered.HIGHEST_PRECEDENCE + 25;
  }

  @Override
  public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
    return chain
        .next(request)
        .doOnNext(
            response -> {
              if (isAboutTheCaller(response)) {
                response.getResponseHeaders().setCacheControl(CACHE_CONTROL);
              }
            });
  }

  /** Whether the resolvers showed this answer's caller something of its own. */
  static boolean isAboutTheCaller(WebGraphQlResponse response) {
    return Boolean.TRUE.equals(
        response.getExecutionInput().getGraphQLContext().get(RateLimitStatus.SHOWN));
  }

  /**
   * Whether the document selects a field about the caller anywhere, in any operation or fragment; a
   * document that does not parse selects nothing (it is answered with an error, never cached).
   */
  static boolean selectsPerClientFields(@Nullable String document) {
    if (document == null) {
      return false;
    }
    return DOCUMENTS.get(document, PerClientAnswers::parseAndLook);
  }

  private static boolean parseAndLook(String text) {
    Document document;
    try {
      document = Parser.parse(text);
    } catch (InvalidSyntaxException e) {
      return false;
    }
    for (var definition : document.getDefinitions()) {
      SelectionSet selections =
          definition instanceof OperationDefinition operation
              ? operation.getSelectionSet()
              : definition instanceof FragmentDefinition fragment
                  ? fragment.getSelectionSet()
                  : null;
      if (selects(selections)) {
        return true;
      }
    }
    return false;
  }

  private static boolean selects(@Nullable SelectionSet selections) {
    if (selections == null) {
      return false;
    }
    for (Selection<?> selection : selections.getSelections()) {
      // A named fragment's spread is not followed: the fragment is looked at as a definition.
      boolean found =
          selection instanceof Field field
              ? FIELDS.contains(field.getName()) || selects(field.getSelectionSet())
              : selection instanceof InlineFragment inline && selects(inline.getSelectionSet());
      if (found) {
        return true;
      }
    }
    return false;
  }
}
