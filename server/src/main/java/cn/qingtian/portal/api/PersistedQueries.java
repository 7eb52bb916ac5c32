package cn.qingtian.portal.api;

import cn.qingtian.portal.messages.UserMessages;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionInput;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.persisted.ApolloPersistedQuerySupport;
import graphql.execution.preparsed.persisted.PersistedQueryCache;
import graphql.execution.preparsed.persisted.PersistedQueryCacheMiss;
import graphql.execution.preparsed.persisted.PersistedQueryError;
import graphql.execution.preparsed.persisted.PersistedQueryIdInvalid;
import graphql.execution.preparsed.persisted.PersistedQueryNotFound;
import graphql.execution.preparsed.persisted.PersistedQuerySupport;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Automatic persisted queries (Apollo's protocol), by graphql-java's {@link
 * ApolloPersistedQuerySupport}: a client sends {@code extensions.persistedQuery.sha256Hash} without
 * the document; if the hash is unknown the answer is a {@code PERSISTED_QUERY_NOT_FOUND} error and
 * the client sends hash and document once, which registers it. Short requests then fit a cacheable
 * GET URL. Bounded (Caffeine): {@value #MAX_DOCUMENTS} documents, each at most {@link
 * ParsedDocuments#MAX_LENGTH} characters, kept parsed and validated.
 *
 * <p>Ours on top of the library, because it answers otherwise: an extension that is not {@code
 * {version: 1, sha256Hash: 64 lowercase hex digits}} is refused as {@code PERSISTED_QUERY_INVALID}
 * (the library ignores it and runs the request as if it had none), and a document sent with a hash
 * that is not its own is refused as {@code PERSISTED_QUERY_HASH_MISMATCH} even when the hash is
 * known (the library then runs the registered document and ignores the one sent). The errors carry
 * a {@code code} and a classification of our own: graphql-java's name its exception classes.
 */
@Component
public class PersistedQueries extends ApolloPersistedQuerySupport {

  static final int MAX_DOCUMENTS = 2_000;
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  private final Registered registered;

  public PersistedQueries() {
    this(new Registered());
  }

  private PersistedQueries(Registered registered) {
    super(registered);
    this.registered = registered;
  }

  /** Whether the request carries a persisted-query extension, well-formed or not. */
  static boolean asksFor(ExecutionInput input) {
    return input.getExtensions() != null && input.getExtensions().get("persistedQuery") != null;
  }

  @Override
  public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(
      ExecutionInput input, Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
    GraphQLError refused = refusal(input.getQuery(), input.getExtensions());
    if (refused != null) {
      return CompletableFuture.completedFuture(new PreparsedDocumentEntry(refused));
    }
    return super.getDocumentAsync(input, parseAndValidate);
  }

  /**
   * The document a request runs: its own, or the one registered under the hash it sends instead
   * ({@code query} itself when none is, or the extension is refused: running it answers why).
   */
  public String documentToRun(String query, @Nullable Map<String, Object> extensions) {
    if (extensions == null
        || !(extensions.get("persistedQuery") instanceof Map<?, ?> persisted)
        || refusal(query, extensions) != null
        || !withoutDocument(query)) {
      return query;
    }
    Object hash = persisted.get("sha256Hash");
    String known = registered.document(hash);
    return known != null ? known : query;
  }

  /** Why the request's extension cannot be honoured; null when it can, or it has none. */
  private static @Nullable GraphQLError refusal(
      @Nullable String query, @Nullable Map<String, Object> extensions) {
    Object persisted = extensions == null ? null : extensions.get("persistedQuery");
    if (persisted == null) {
      return null;
    }
    if (!(persisted instanceof Map<?, ?> map)
        || !Integer.valueOf(1).equals(map.get("version"))
        || !(map.get("sha256Hash") instanceof String hash)
        || !SHA256.matcher(hash).matches()) {
      return error("PERSISTED_QUERY_INVALID", UserMessages.get("api.persistedQuery.invalid"));
    }
    if (!withoutDocument(query) && !Sha256.hex(query).equals(hash)) {
      return mismatch();
    }
    return null;
  }

  private static boolean withoutDocument(@Nullable String query) {
    return query == null
        || query.isBlank()
        || query.equals(PersistedQuerySupport.PERSISTED_QUERY_MARKER);
  }

  @Override
  protected boolean persistedQueryIdIsInvalid(Object persistedQueryId, String queryText) {
    return !Sha256.hex(queryText).equals(persistedQueryId);
  }

  @Override
  protected PreparsedDocumentEntry mkMissingError(PersistedQueryError error) {
    return new PreparsedDocumentEntry(
        error instanceof PersistedQueryIdInvalid
            ? mismatch()
            : error("PERSISTED_QUERY_NOT_FOUND", "PersistedQueryNotFound"));
  }

  private static GraphQLError mismatch() {
    return error(
        "PERSISTED_QUERY_HASH_MISMATCH", UserMessages.get("api.persistedQuery.hashMismatch"));
  }

  private static GraphQLError error(String code, String message) {
    return GraphqlErrorBuilder.newError()
        // A classification of its own: graphql-java's default names a Java exception class.
        .errorType(org.springframework.graphql.execution.ErrorType.BAD_REQUEST)
        .message(message)
        .extensions(Map.of("code", code))
        .build();
  }

  /**
   * The registered documents by hash, each with its parsed and validated form; a document longer
   * than {@link ParsedDocuments#MAX_LENGTH} runs but is not registered.
   */
  private static final class Registered implements PersistedQueryCache {

    private final Cache<Object, Entry> entries =
        Caffeine.newBuilder().executor(Runnable::run).maximumSize(MAX_DOCUMENTS).build();

    @Nullable String document(Object hash) {
      Entry entry = entries.getIfPresent(hash);
      return entry == null ? null : entry.document();
    }

    @Override
    public CompletableFuture<PreparsedDocumentEntry> getPersistedQueryDocumentAsync(
        Object hash, ExecutionInput input, PersistedQueryCacheMiss miss)
        throws PersistedQueryNotFound {
      Entry known = entries.getIfPresent(hash);
      if (known != null) {
        return CompletableFuture.completedFuture(known.parsed());
      }
      String query = input.getQuery();
      // Throws when there is no document: the library knows an empty one, not its own marker.
      PreparsedDocumentEntry parsed = miss.apply(withoutDocument(query) ? "" : query);
      if (query.length() <= ParsedDocuments.MAX_LENGTH) {
        entries.put(hash, new Entry(query, parsed));
      }
      return CompletableFuture.completedFuture(parsed);
    }

    private record Entry(String document, PreparsedDocumentEntry parsed) {}
  }
}
