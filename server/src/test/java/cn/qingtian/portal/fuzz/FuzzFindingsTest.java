package cn.qingtian.portal.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qingtian.portal.ApiIntegrationTest;
import cn.qingtian.portal.SharedDatabase;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What the fuzz run ({@link HttpFuzzTest}) found, each kept as a regression with the answer a
 * client should get instead.
 */
@ApiIntegrationTest
class FuzzFindingsTest extends SharedDatabase {

  @LocalServerPort int port;

  @Test
  void aBodyOverTheBufferLimitIsA413WithAGraphQlErrorNotA500() {
    String json =
        "{\"query\":\"{ currentRelease { version } }\",\"variables\":{\"pad\":\""
            + "x".repeat(1_100_000)
            + "\"}}";
    for (List<String> framing :
        List.of(
            List.of("Content-Type: application/json"),
            List.of("Content-Type: application/json", "Transfer-Encoding: chunked"))) {
      byte[] body = json.getBytes(StandardCharsets.UTF_8);
      if (framing.size() == 2) {
        body = chunked(body);
      }
      SocketHttp.Answer answer =
          SocketHttp.exchange(
              port, HttpFuzzTest.request("POST", "/graphql", framing, body), 60_000);
      assertThat(answer.status()).as(framing.toString()).isEqualTo(413);
      assertThat(answer.text())
          .contains("\"code\":\"PAYLOAD_TOO_LARGE\"")
          .doesNotContain("Exception");
    }
  }

  @Test
  void rawNonAsciiBytesInTheQueryStringAreNeverA500() {
    // Bytes the address parser takes (ÿþ) reach GraphQL percent-encoded; UTF-8 whose bytes it
    // refuses (青田 holds C1 control bytes) is a 400 at the address. The first was a 500.
    SocketHttp.Answer get =
        SocketHttp.exchange(
            port,
            HttpFuzzTest.get("/graphql?query=%7BcurrentRelease%7Bversion%7D%7D&junk=\u00ff\u00fe"),
            60_000);
    assertThat(get.status()).as(get.text()).isEqualTo(200);
    assertThat(get.text()).contains("\"version\"").doesNotContain("errors");
    SocketHttp.Answer utf8 =
        SocketHttp.exchange(
            port,
            HttpFuzzTest.get(
                "/graphql?query=%7BcurrentRelease%7Bversion%7D%7D&junk=" + HttpFuzzTest.raw("青田")),
            60_000);
    assertThat(utf8.status()).as(utf8.text()).isBetween(200, 499);
    SocketHttp.Answer post =
        SocketHttp.exchange(
            port,
            HttpFuzzTest.request(
                "POST",
                "/graphql?x=\u00ff\u00fe",
                List.of("Content-Type: application/json"),
                "{\"query\":\"{ currentRelease { version } }\"}".getBytes(StandardCharsets.UTF_8)),
            60_000);
    assertThat(post.status()).as(post.text()).isEqualTo(200);
    assertThat(post.text()).contains("\"version\"");
  }

  @Test
  void fragmentsThatSpreadEachOtherManyTimesAreRefusedAtOnce() {
    // 4^30 fields once expanded: graphql-java's normalizer alone would run for hours.
    StringBuilder query = new StringBuilder("{ ...F30 } fragment F0 on Query { __typename }");
    for (int i = 1; i <= 30; i++) {
      query.append(" fragment F").append(i).append(" on Query {");
      for (int j = 0; j < 4; j++) {
        query.append(" a").append(j).append(": __typename ...F").append(i - 1);
      }
      query.append(" }");
    }
    long started = System.nanoTime();
    SocketHttp.Answer answer =
        SocketHttp.exchange(
            port,
            HttpFuzzTest.request(
                "POST",
                "/graphql",
                List.of("Content-Type: application/json"),
                GraphQlQueryGenerator.body(query.toString(), null, null)
                    .getBytes(StandardCharsets.UTF_8)),
            60_000);
    assertThat(answer.timedOut()).isFalse();
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.text()).contains("\"code\":\"QUERY_TOO_LARGE\"", "fragments expanded");
    assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(10_000);
  }

  private static byte[] chunked(byte[] body) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (int at = 0; at < body.length; at += 65_536) {
      int n = Math.min(65_536, body.length - at);
      out.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
      out.write(body, at, n);
      out.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
    }
    out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
    return out.toByteArray();
  }
}
