package cn.qingtian.portal.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.util.unit.DataSize;
import reactor.core.publisher.Mono;

/** The cap on an answer's bytes replaces a larger answer by an error and lets others through. */
class ResponseSizeLimitTest {

  private final ResponseSizeLimit limit =
      new ResponseSizeLimit(new QueryLimits(15, 2_000_000, 5_000, DataSize.ofBytes(100)));

  private MockServerWebExchange answer(String body) {
    MockServerWebExchange exchange =
        MockServerWebExchange.from(
            MockServerHttpRequest.post("/graphql").header("Content-Type", "application/json"));
    limit
        .filter(
            exchange,
            ex ->
                ex.getResponse()
                    .writeWith(
                        Mono.just(
                            ex.getResponse()
                                .bufferFactory()
                                .wrap(body.getBytes(StandardCharsets.UTF_8)))))
        .block();
    return exchange;
  }

  @Test
  void anAnswerOverTheCapIsReplacedByA400() {
    MockServerWebExchange exchange = answer("{\"data\":\"" + "x".repeat(200) + "\"}");
    assertThat(exchange.getResponse().getBodyAsString().block())
        .contains("RESPONSE_TOO_LARGE")
        .doesNotContain("xxxx");
    assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
  }

  @Test
  void anAnswerWithinTheCapIsSentAsIs() {
    MockServerWebExchange exchange = answer("{\"data\":1}");
    assertThat(exchange.getResponse().getStatusCode()).isNotEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(exchange.getResponse().getBodyAsString().block()).isEqualTo("{\"data\":1}");
  }
}
