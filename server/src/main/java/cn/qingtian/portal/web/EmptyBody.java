package cn.qingtian.portal.web;

import cn.qingtian.portal.api.GraphQlHttp;
import cn.qingtian.portal.messages.UserMessages;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Malformed HTTP framing of a request to {@code /graphql} gets a GraphQL error with a 4xx status,
 * never a 500 or an empty 200:
 *
 * <ul>
 *   <li>a POST without a body is a 400 that says so (spring-graphql would answer an empty 200): a
 *       request with neither {@code Content-Length} nor {@code Transfer-Encoding}, or with a length
 *       of 0, has no body (RFC 9112 §6.3);
 *   <li>a body larger than the server buffers ({@code spring.codec.max-in-memory-size}, 256 KB by
 *       default) is a 413, however it is framed (spring-graphql lets the codec's limit through as a
 *       500);
 *   <li>a compressed body ({@code Content-Encoding} other than identity) is a 415 (RFC 9110
 *       §8.4.1), not a request left waiting until it times out;
 *   <li>a body sent as {@code application/graphql} is read as JSON (as spring-graphql reads it,
 *       without the Reactor {@code log()} its fallback for that type carries);
 *   <li>bytes outside ASCII in the query string (a client that did not percent-encode them) are
 *       percent-encoded as UTF-8 before spring-graphql sees the address, which it would otherwise
 *       refuse with a 500.
 * </ul>
 */
class EmptyBody implements WebFilter, Ordered {

  /** What a query string may hold as it is (RFC 3986 query characters, and escapes). */
  private static final String ALLOWED =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!$&'()*+,;=:@/?%";

  private static final MediaType APPLICATION_GRAPHQL = MediaType.valueOf("application/graphql");

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE + 6;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    ServerHttpRequest request = exchange.getRequest();
    if (!GraphQlHttp.isGraphQlRequest(request, true)) {
      return chain.filter(exchange);
    }
    HttpHeaders headers = request.getHeaders();
    boolean empty =
        headers.getContentLength() == 0
            || (headers.getContentLength() < 0
                && !headers.containsHeader(HttpHeaders.TRANSFER_ENCODING));
    if (empty && HttpMethod.POST.equals(request.getMethod())) {
      return GraphQlHttp.error(
          exchange,
          HttpStatus.BAD_REQUEST,
          "BAD_REQUEST",
          UserMessages.get("web.body.empty"),
          Map.of());
    }
    String encoding = headers.getFirst(HttpHeaders.CONTENT_ENCODING);
    if (HttpMethod.POST.equals(request.getMethod())
        && encoding != null
        && !encoding.isBlank()
        && !encoding.strip().equalsIgnoreCase("identity")) {
      return GraphQlHttp.error(
          exchange,
          HttpStatus.UNSUPPORTED_MEDIA_TYPE,
          "UNSUPPORTED_CONTENT_ENCODING",
          UserMessages.get(
              "web.body.compressed", encoding.substring(0, Math.min(40, encoding.length()))),
          Map.of());
    }
    ServerWebExchange ascii = asJson(withAsciiAddress(exchange));
    return chain
        .filter(ascii)
        .onErrorResume(
            EmptyBody::isTooLarge,
            e ->
                ascii.getResponse().isCommitted()
                    ? Mono.error(e)
                    : GraphQlHttp.error(
                        ascii,
                        HttpStatus.PAYLOAD_TOO_LARGE,
                        "PAYLOAD_TOO_LARGE",
                        UserMessages.get("web.body.tooLarge"),
                        Map.of()));
  }

  /**
   * The exchange with its query string percent-encoded where a client sent characters that may not
   * stand in one raw (non-ASCII bytes, which the server reads one byte to a character, and the
   * like): each such byte becomes {@code %XX}, so UTF-8 sent raw reads as the same text.
   */
  private static ServerWebExchange withAsciiAddress(ServerWebExchange exchange) {
    URI uri = exchange.getRequest().getURI();
    String query = uri.getRawQuery();
    if (query == null) {
      return exchange;
    }
    String encoded = encodeOddCharacters(query);
    if (encoded.equals(query)) {
      return exchange;
    }
    String address = uri.toString();
    URI ascii = URI.create(address.substring(0, address.indexOf('?') + 1) + encoded);
    return exchange.mutate().request(r -> r.uri(ascii)).build();
  }

  /**
   * A body sent as {@code application/graphql} is read as JSON, as spring-graphql would read it
   * anyway; said here, so that its fallback for that type (which logs every request, and a bad body
   * as an ERROR, through a Reactor {@code log()}) is never taken.
   */
  private static ServerWebExchange asJson(ServerWebExchange exchange) {
    MediaType type;
    try {
      type = exchange.getRequest().getHeaders().getContentType();
    } catch (InvalidMediaTypeException e) {
      return exchange;
    }
    if (type == null || !APPLICATION_GRAPHQL.includes(type)) {
      return exchange;
    }
    return exchange
        .mutate()
        .request(r -> r.headers(h -> h.setContentType(MediaType.APPLICATION_JSON)))
        .build();
  }

  static String encodeOddCharacters(String query) {
    StringBuilder out = new StringBuilder(query.length());
    boolean inValue = false;
    for (char c : query.toCharArray()) {
      if (c == '&') {
        inValue = false;
      }
      if (c == '=' && inValue) {
        out.append("%3D"); // a second '=' in one parameter belongs to its value
      } else if (c < 0x80 && ALLOWED.indexOf(c) >= 0) {
        inValue |= c == '=';
        out.append(c);
      } else if (c <= 0xFF) {
        out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
      } else {
        for (byte b : String.valueOf(c).getBytes(StandardCharsets.UTF_8)) {
          out.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
        }
      }
    }
    return out.toString();
  }

  private static boolean isTooLarge(Throwable error) {
    for (Throwable e = error; e != null; e = e.getCause()) {
      if (e instanceof DataBufferLimitException) {
        return true;
      }
      if (e.getCause() == e) {
        break;
      }
    }
    return false;
  }
}
