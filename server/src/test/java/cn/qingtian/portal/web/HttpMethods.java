package cn.qingtian.portal.web;

import cn.qingtian.portal.RawHttp;
import io.netty.handler.codec.http.HttpMethod;
import java.time.Duration;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClient;

/**
 * Requests {@link RawHttp} does not make: any method (OPTIONS, PUT, DELETE, PATCH, …), with headers
 * given as name, value, name, value and an optional body. Nothing is decompressed or added.
 */
final class HttpMethods {

  private static final HttpClient CLIENT =
      HttpClient.create().responseTimeout(Duration.ofSeconds(60));

  private HttpMethods() {}

  static RawHttp.Response send(String method, String url, String body, String... headers) {
    HttpClient.RequestSender request =
        CLIENT
            .headers(
                h -> {
                  for (int i = 0; i + 1 < headers.length; i += 2) {
                    h.add(headers[i], headers[i + 1]);
                  }
                })
            .request(HttpMethod.valueOf(method))
            .uri(url);
    HttpClient.ResponseReceiver<?> sent =
        body == null ? request : request.send(ByteBufFlux.fromString(Mono.just(body)));
    return sent.responseSingle(
            (response, content) ->
                content
                    .asByteArray()
                    .defaultIfEmpty(new byte[0])
                    .map(
                        bytes ->
                            new RawHttp.Response(
                                response.status().code(), response.responseHeaders(), bytes)))
        .block(Duration.ofSeconds(90));
  }

  static RawHttp.Response options(String url, String... headers) {
    return send("OPTIONS", url, null, headers);
  }
}
