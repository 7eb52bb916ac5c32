package cn.qingtian.portal.api;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.preparsed.persisted.PersistedQuerySupport;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Automatic persisted queries (Apollo's protocol): a client sends {@code
 * extensions.persistedQuery.sha256Hash} without the document; if the hash is unknown the answer is
 * a {@code PERSISTED_QUERY_NOT_FOUND} error and the client sends hash and document once, which
 * registers it. Short requests then fit a cacheable GET URL. Bounded: the most recently used
 * documents, each at most {@link ParsedDocuments#MAX_LENGTH} characters.
 */
@Component
public class PersistedQueries {

  static final int MAX_DOCUMENTS = 2_000;
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  private final LruCache<String, String> documents = new LruCache<>(MAX_DOCUMENTS);

  /** What a request's persisted-query extension comes to. */
  public sealed interface Lookup {}

  /** No persisted query was asked for. */
  public record NotPersisted() implements Lookup {}

  /** The document to run. */
  public record Found(String document) implements Lookup {}

  /** The extension cannot be honoured; the error says why. */
  public record Refused(GraphQLError error) implements Lookup {}

  /**
   * The document a request runs: its own (registered under its hash when it has one), or the one
   * registered under the hash it sends instead.
   */
  public Lookup lookup(@Nullable String query, @Nullable Map<String, Object> extensions) {
    Object persisted = extensions == null ? null : extensions.get("persistedQuery");
    if (persisted == null) {
      return new NotPersisted();
    }
    if (!(persisted instanceof Map<?, ?> map)
        || !Integer.valueOf(1).equals(map.get("version"))
        || !(map.get("sha256Hash") instanceof String hash)
        || !SHA256.matcher(hash).matches()) {
      return refused(
          "PERSISTED_QUERY_INVALID",
          "persistedQuery 须为 {version: 1, sha256Hash: 64 位小写十六进制} / persistedQuery must be"
              + " {version: 1, sha256Hash: 64 lowercase hex digits}");
    }
    boolean withoutDocument =
        query == null
            || query.isBlank()
            || query.equals(PersistedQuerySupport.PERSISTED_QUERY_MARKER);
    if (withoutDocument) {
      String known = documents.find(hash);
      return known != null
          ? new Found(known)
          : refused("PERSISTED_QUERY_NOT_FOUND", "PersistedQueryNotFound");
    }
    if (!sha256(query).equals(hash)) {
      return refused(
          "PERSISTED_QUERY_HASH_MISMATCH",
          "sha256Hash 与查询文本的 SHA-256 不符 / sha256Hash is not the SHA-256 of the query");
    }
    if (query.length() <= ParsedDocuments.MAX_LENGTH) {
      documents.put(hash, query);
    }
    return new Found(query);
  }

  private static Refused refused(String code, String message) {
    return new Refused(
        GraphqlErrorBuilder.newError()
            // A classification of its own: graphql-java's default names a Java exception class.
            .errorType(org.springframework.graphql.execution.ErrorType.BAD_REQUEST)
            .message(message)
            .extensions(Map.of("code", code))
            .build());
  }

  /**
   * The SHA-256 of a text's UTF-8 bytes in lowercase hex, as the protocol's {@code sha256Hash}
   * writes it (the same function as {@code dataset.RowHash.sha256}, which the API layer does not
   * import: the dataset layer sits above it).
   */
  static String sha256(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JRE", e);
    }
  }
}
