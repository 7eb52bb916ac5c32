package cn.qingtian.portal.api;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.stereotype.Component;

/**
 * Parses and validates each distinct query document once: clients send the same few documents with
 * different variables, and parsing and validating them again cost as much as a search. The schema
 * never changes while the server runs, so an entry (the document, or its validation errors) stays
 * valid. Bounded (Caffeine): {@value #MAX_DOCUMENTS} documents of at most 10,000 characters. A
 * request with a persisted query's extension is left to {@link PersistedQueries}, which keeps its
 * documents parsed under their hash.
 */
@Component
class ParsedDocuments implements GraphQlSourceBuilderCustomizer, PreparsedDocumentProvider {

  static final int MAX_DOCUMENTS = 1_000;
  static final int MAX_LENGTH = 10_000;

  private final Cache<String, PreparsedDocumentEntry> documents =
      Caffeine.newBuilder().executor(Runnable::run).maximumSize(MAX_DOCUMENTS).build();
  private final PersistedQueries persisted;

  ParsedDocuments(PersistedQueries persisted) {
    this.persisted = persisted;
  }

  @Override
  public void customize(GraphQlSource.SchemaResourceBuilder builder) {
    builder.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(this));
  }

  @Override
  public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(
      ExecutionInput input, Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
    if (PersistedQueries.asksFor(input)) {
      return persisted.getDocumentAsync(input, parseAndValidate);
    }
    String query = input.getQuery();
    if (query.length() > MAX_LENGTH) {
      return CompletableFuture.completedFuture(parseAndValidate.apply(input));
    }
    PreparsedDocumentEntry entry = documents.get(query, q -> parseAndValidate.apply(input));
    return CompletableFuture.completedFuture(entry);
  }
}
