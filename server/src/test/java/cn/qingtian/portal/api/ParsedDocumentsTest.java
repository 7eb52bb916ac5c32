package cn.qingtian.portal.api;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.parser.Parser;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ParsedDocumentsTest {

  private final AtomicInteger parsed = new AtomicInteger();
  private final Function<ExecutionInput, PreparsedDocumentEntry> parse =
      input -> {
        parsed.incrementAndGet();
        return new PreparsedDocumentEntry(Parser.parse(input.getQuery()));
      };

  private PreparsedDocumentEntry get(ParsedDocuments documents, String query) {
    return documents
        .getDocumentAsync(ExecutionInput.newExecutionInput(query).build(), parse)
        .join();
  }

  @Test
  void parsesAndValidatesEachDocumentOnceWhateverItsVariables() {
    ParsedDocuments documents = new ParsedDocuments(new PersistedQueries());
    PreparsedDocumentEntry first =
        get(documents, "query($q: String!) { search(query: $q) { totalCount } }");
    PreparsedDocumentEntry again =
        get(documents, "query($q: String!) { search(query: $q) { totalCount } }");
    assertThat(again).isSameAs(first);
    assertThat(parsed).hasValue(1);
  }

  @Test
  void keepsAtMostItsBoundOfDocumentsAndNoneThatAreHuge() {
    ParsedDocuments documents = new ParsedDocuments(new PersistedQueries());
    int distinct = ParsedDocuments.MAX_DOCUMENTS + 1;
    for (int i = 0; i < distinct; i++) {
      get(documents, "{ a" + i + " }");
    }
    assertThat(parsed).hasValue(distinct);
    for (int i = 0; i < distinct; i++) {
      get(documents, "{ a" + i + " }");
    }
    // Which one was dropped is the cache's choice (Caffeine); that one was is the bound.
    assertThat(parsed.get()).isGreaterThan(distinct);
    int before = parsed.get();
    String huge = "{ a" + " b".repeat(ParsedDocuments.MAX_LENGTH) + " }";
    get(documents, huge);
    get(documents, huge);
    assertThat(parsed).hasValue(before + 2);
  }
}
