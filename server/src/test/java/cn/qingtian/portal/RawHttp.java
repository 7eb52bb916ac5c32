package cn.qingtian.portal;

import io.netty.handler.codec.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClient;

/**
 * HTTP as a plain client sees it, for tests of headers and bytes: nothing decompressed, decoded or
 * added (Spring's test client asks for and unpacks gzip itself). Every exchange has a deadline.
 */
public final class RawHttp {

  private static final HttpClient CLIENT =
      HttpClient.create().responseTimeout(Duration.ofSeconds(60));

  private RawHttp() {}

  /** A response: status, headers and the body's bytes as they came. */
  public record Response(int status, HttpHeaders headers, byte[] body) {

    public Optional<String> header(String name) {
      return Optional.ofNullable(headers.get(name));
    }

    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  /** A GET with these headers, given as name, value, name, value. */
  public static Response get(String url, String... headers) {
    return exchange(CLIENT.headers(h -> add(h, headers)).get().uri(url));
  }

  public static Response head(String url) {
    return exchange(CLIENT.head().uri(url));
  }

  /** A POST of JSON with these headers, given as name, value, name, value. */
  public static Response post(String url, String json, String... headers) {
    return exchange(
        CLIENT
            .headers(
                h -> {
                  h.add("Content-Type", "application/json");
                  add(h, headers);
                })
            .post()
            .uri(url)
            .send(ByteBufFlux.fromString(Mono.just(json))));
  }

  private static Response exchange(HttpClient.ResponseReceiver<?> request) {
    return request
        .responseSingle(
            (response, body) ->
                body.asByteArray()
                    .defaultIfEmpty(new byte[0])
                    .map(
                        bytes ->
                            new Response(
                                response.status().code(), response.responseHeaders(), bytes)))
        .block(Duration.ofSeconds(90));
  }

  private static void add(HttpHeaders target, String[] headers) {
    for (int i = 0; i + 1 < headers.length; i += 2) {
      target.add(headers[i], headers[i + 1]);
    }
  }
}
