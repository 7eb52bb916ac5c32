package cn.qingtian.portal.api;

import cn.qingtian.portal.messages.UserMessages;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.reactivestreams.Publisher;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The hard cap on the bytes of one answer of {@code /graphql} ({@link
 * QueryLimits#maxResponseSize()}), checked while the answer is written: the cost model refuses a
 * query before it runs from its estimate, and this catches an answer whose lists held more than
 * they declare. Past the cap, the bytes gathered so far are released and the client gets a {@code
 * 400} whose one error is coded {@code RESPONSE_TOO_LARGE}: nothing larger is ever sent, and no
 * more than the cap is held for it.
 */
@Component
class ResponseSizeLimit implements WebFilter, Ordered {

  static final String CODE = "RESPONSE_TOO_LARGE";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final int maxBytes;

  ResponseSizeLimit(QueryLimits limits) {
    this.maxBytes = (int) Math.min(Integer.MAX_VALUE, limits.maxResponseSize().toBytes());
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE + 11; // right after the rate limit
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    if (!GraphQlHttp.isGraphQlRequest(exchange.getRequest(), false)) {
      return chain.filter(exchange);
    }
    ServerHttpResponse capped = new Capped(exchange.getResponse(), maxBytes);
    return chain.filter(exchange.mutate().response(capped).build());
  }

  private static final class Capped extends ServerHttpResponseDecorator {

    private final int maxBytes;

    Capped(ServerHttpResponse delegate, int maxBytes) {
      super(delegate);
      this.maxBytes = maxBytes;
    }

    @Override
    public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
      // Counted buffer by buffer: DataBufferUtils.join's own limit does not look into a Mono.
      long[] total = {0};
      Flux<DataBuffer> counted =
          Flux.from(body)
              .map(
                  buffer -> {
                    total[0] += buffer.readableByteCount();
                    if (total[0] > maxBytes) {
                      DataBufferUtils.release(buffer);
                      throw new DataBufferLimitException("answer over " + maxBytes + " bytes");
                    }
                    return buffer;
                  });
      return DataBufferUtils.join(counted)
          .map(Optional::of)
          .defaultIfEmpty(Optional.empty())
          .flatMap(joined -> getDelegate().writeWith(joined.map(Mono::just).orElseGet(Mono::empty)))
          .onErrorResume(DataBufferLimitException.class, e -> tooLarge());
    }

    @Override
    public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> body) {
      return writeWith(Flux.from(body).concatMap(p -> p));
    }

    private Mono<Void> tooLarge() {
      ServerHttpResponse response = getDelegate();
      response.setStatusCode(HttpStatus.BAD_REQUEST);
      HttpHeaders headers = response.getHeaders();
      headers.remove(HttpHeaders.CONTENT_LENGTH);
      headers.remove(HttpHeaders.ETAG);
      headers.setCacheControl("no-store");
      headers.setContentType(new MediaType(MediaType.APPLICATION_JSON, StandardCharsets.UTF_8));
      String message = UserMessages.get("api.response.tooLarge", maxBytes);
      byte[] bytes =
          JSON.writeValueAsBytes(
              Map.of(
                  "errors",
                  List.of(
                      Map.of(
                          "message",
                          message,
                          "extensions",
                          Map.of("code", CODE, "maxBytes", maxBytes)))));
      return response.writeWith(Mono.just(response.bufferFactory().wrap(bytes)));
    }
  }
}
