package cn.qingtian.portal.api;

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
 * valid. Bounded: the most recently used documents of at most 10,000 characters. A request that
 * sends a persisted query's hash instead of its document runs the document registered under it
 * ({@link PersistedQueries}).
 */
@Component
class ParsedDocuments implements GraphQlSourceBuilderCustomizer, PreparsedDocumentProvider {

  static final int MAX_DOCUMENTS = 1_000;
  static final int MAX_LENGTH = 10_000;

  private final LruCache<String, PreparsedDocumentEntry> documents = new LruCache<>(MAX_DOCUMENTS);
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
    PersistedQueries.Lookup lookup = persisted.lookup(input.getQuery(), input.getExtensions());
    if (lookup instanceof PersistedQueries.Refused refused) {
      return CompletableFuture.completedFuture(new PreparsedDocumentEntry(refused.error()));
    }
    ExecutionInput toRun =
        lookup instanceof PersistedQueries.Found found && !found.document().equals(input.getQuery())
            ? input.transform(builder -> builder.query(found.document()))
            : input;
    String query = toRun.getQuery();
    if (query.length() > MAX_LENGTH) {
      return CompletableFuture.completedFuture(parseAndValidate.apply(toRun));
    }
    PreparsedDocumentEntry entry = documents.get(query, q -> parseAndValidate.apply(toRun));
    return CompletableFuture.completedFuture(entry);
  }
}
