package cn.qingtian.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qingtian.portal.ApiIntegrationTest;
import cn.qingtian.portal.SharedDatabase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A client that keeps its connection open is answered on it for as long as it asks, also after
 * requests that arrived while an earlier one was still being answered (as with pipelining, or a
 * client quick to reuse its connection). Reactor Netty up to 1.3.7 stopped reading such a
 * connection when a queued request was answered at once (reactor/reactor-netty#4361): the next
 * request was never answered and nothing was logged, the "lost requests" of docs/reliability.md.
 */
@ApiIntegrationTest
class KeepAliveTest extends SharedDatabase {

  /** Reads the database, so it is answered after the requests queued behind it have arrived. */
  private static final String SLOW = "/graphql?query=%7Bplans%7BtotalCount%7D%7D";

  private static final int ROUNDS = 40;

  @LocalServerPort int port;

  @ParameterizedTest
  @ValueSource(strings = {"/graphql?query=%7B__typename%7D", "/actuator/health/liveness"})
  void aKeptAliveConnectionIsStillReadAfterQueuedRequestsAnsweredAtOnce(String quick)
      throws IOException {
    for (int round = 1; round <= ROUNDS; round++) {
      try (Socket socket = new Socket("localhost", port)) {
        socket.setSoTimeout(5_000);
        OutputStream out = socket.getOutputStream();
        InputStream in = socket.getInputStream();
        out.write(requests(SLOW, quick, quick));
        for (int answer = 1; answer <= 3; answer++) {
          assertThat(status(in)).as("round %d, answer %d", round, answer).isEqualTo(200);
        }
        out.write(requests(quick));
        assertThat(status(in))
            .as("round %d: a request sent after the queued ones were answered", round)
            .isEqualTo(200);
      }
    }
  }

  private static byte[] requests(String... paths) {
    StringBuilder requests = new StringBuilder();
    for (String path : paths) {
      requests.append("GET ").append(path).append(" HTTP/1.1\r\nHost: localhost\r\n\r\n");
    }
    return requests.toString().getBytes(StandardCharsets.US_ASCII);
  }

  /** Reads one whole response and returns its status; 0 if none came within the timeout. */
  private static int status(InputStream in) throws IOException {
    try {
      String head = line(in, "\r\n\r\n");
      int length = 0;
      boolean chunked = false;
      for (String header : head.toLowerCase(Locale.ROOT).split("\r\n")) {
        if (header.startsWith("content-length:")) {
          length = Integer.parseInt(header.substring(15).trim());
        }
        chunked |= header.startsWith("transfer-encoding:") && header.contains("chunked");
      }
      if (chunked) {
        for (int size; (size = Integer.parseInt(line(in, "\r\n").trim(), 16)) > 0; ) {
          in.readNBytes(size + 2);
        }
        line(in, "\r\n");
      } else {
        in.readNBytes(length);
      }
      return Integer.parseInt(head.substring(9, 12));
    } catch (SocketTimeoutException noAnswer) {
      return 0;
    }
  }

  private static String line(InputStream in, String end) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    while (!line.toString(StandardCharsets.ISO_8859_1).endsWith(end)) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("connection closed after: " + line);
      }
      line.write(b);
    }
    return line.toString(StandardCharsets.ISO_8859_1);
  }
}
