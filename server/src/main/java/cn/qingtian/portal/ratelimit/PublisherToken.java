package cn.qingtian.portal.ratelimit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * Tells the trusted publisher ({@code publish --from}) from anyone else by the secret it sends as
 * {@code Authorization: Bearer <token>} ({@link RateLimitProperties#publisherToken()}), as APIs
 * give a known client a higher quota than an anonymous one. The comparison takes the same time
 * whatever the token sent ({@link MessageDigest#isEqual}), so its bytes cannot be guessed one at a
 * time; each wrong token counts as one of the client's refused queries, so they cannot be guessed
 * in bulk either.
 */
final class PublisherToken {

  /** Who the {@code Authorization} header says the caller is. */
  enum Caller {
    /** No {@code Authorization} header: an anonymous client, limited as any other. */
    ANONYMOUS,
    /** The publisher's token: not charged to any window. */
    PUBLISHER,
    /**
     * Any other {@code Authorization}: refused (401), never treated as anonymous, so that a
     * publisher with a mistyped or stale token learns it at once instead of being rate limited.
     */
    WRONG
  }

  private static final String BEARER = "Bearer ";

  private final byte[] token;

  PublisherToken(String token) {
    this.token = token.getBytes(StandardCharsets.UTF_8);
  }

  Caller of(ServerHttpRequest request) {
    List<String> values = request.getHeaders().getOrEmpty(HttpHeaders.AUTHORIZATION);
    if (values.isEmpty()) {
      return Caller.ANONYMOUS;
    }
    if (token.length == 0 || values.size() != 1) {
      return Caller.WRONG;
    }
    String value = values.get(0).strip();
    if (!value.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return Caller.WRONG;
    }
    byte[] sent = value.substring(BEARER.length()).strip().getBytes(StandardCharsets.UTF_8);
    return MessageDigest.isEqual(sent, token) ? Caller.PUBLISHER : Caller.WRONG;
  }
}
