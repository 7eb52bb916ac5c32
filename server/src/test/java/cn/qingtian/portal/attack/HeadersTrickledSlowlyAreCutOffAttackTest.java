package cn.qingtian.portal.attack;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qingtian.portal.ApiIntegrationTest;
import cn.qingtian.portal.SharedDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Second-round finding D (docs/reliability.md), slowloris: a client sending one header line every 3
 * s kept a connection open about 60 s despite the 10 s first-request timeout, which only closed a
 * silent connection (its first byte cancelled it, and each later byte reset the idle timeout). Now
 * a request must be received completely within the timeout: the first request from the moment the
 * connection is accepted, each later request from its first byte. Here the timeout is 1 s and the
 * client trickles a header line every 300 ms; the connection must be closed within a few seconds
 * (bound generous for a loaded machine), where before it stayed open for as long as the test let it
 * (10 s). The second look: a body trickled a byte every 300 ms after prompt headers (framed by
 * length or chunked, to {@code /graphql} or to a static path the server has already answered) held
 * the connection just as long; it is now closed at the same deadline. Guards: a POST sent at once,
 * or a body sent a bit slowly well within the timeout, is answered, and a WebSocket may stay quiet.
 */
@Tag("attack")
@ApiIntegrationTest
@TestPropertySource(
    properties = {
      // As OneHostCannotLockOutOthersAttackTest, so the two share one portal.
      "portal.http.max-connections=16",
      "portal.http.max-connections-per-address=4",
      "portal.http.first-request-timeout=1s",
      "portal.api.rate-limit.trusted-proxies=127.0.0.1,::1,127.0.0.4"
    })
class HeadersTrickledSlowlyAreCutOffAttackTest extends SharedDatabase {

  /** How long the test lets a trickling client go on before it calls the connection held. */
  private static final long GIVE_UP_MILLIS = 10_000;

  /** The pace of the trickle: the socket's read timeout, so no sleep decides anything. */
  private static final int TRICKLE_MILLIS = 300;

  /** The pace of a body sent a bit slowly: two pieces take about a fifth of the timeout. */
  private static final int SLOW_BODY_MILLIS = 100;

  private static final String PROBE =
      "GET /actuator/health/liveness HTTP/1.1\r\nHost: localhost\r\n\r\n";

  @LocalServerPort int port;

  @Test
  void theFirstRequestsHeadersTrickledLineByLineAreCutOffAtTheTimeout() throws Exception {
    try (Socket socket = RawSocketHttp.connect(port, "127.0.0.5")) {
      long start = System.nanoTime();
      socket.getOutputStream().write(bytes("GET /actuator/health/liveness HTTP/1.1\r\n"));
      long millis = trickleUntilClosed(socket, start);
      System.out.println("Finding D: first request trickled, closed after ms: " + millis);
      assertThat(millis).as("ms until the trickling connection was closed").isBetween(500L, 4_000L);
    }
  }

  @Test
  void aLaterRequestsHeadersTrickledOnAKeptAliveConnectionAreCutOffToo() throws Exception {
    try (Socket socket = RawSocketHttp.connect(port, "127.0.0.6")) {
      socket.setSoTimeout(5_000);
      socket.getOutputStream().write(bytes(PROBE));
      assertThat(head(socket.getInputStream())).startsWith("HTTP/1.1 200");
      long start = System.nanoTime();
      socket.getOutputStream().write(bytes("GET /actuator/health/liveness HTTP/1.1\r\n"));
      long millis = trickleUntilClosed(socket, start);
      System.out.println("Finding D: second request trickled, closed after ms: " + millis);
      assertThat(millis).as("ms until the trickling connection was closed").isBetween(500L, 4_000L);
    }
  }

  /**
   * Finding D, second look (bodies): with prompt headers, a body trickled a byte every {@value
   * #TRICKLE_MILLIS} ms held the connection open without bound, whether the server waited for it
   * ({@code /graphql}) or had already answered (a static path's 404), framed by length or chunked.
   * The whole request must now arrive within the timeout; the connection is closed at it.
   */
  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "/graphql, length, 127.0.0.9",
    "/graphql, chunked, 127.0.0.10",
    "/robots.txt, length, 127.0.0.11",
    "/robots.txt, chunked, 127.0.0.12"
  })
  void aBodyTrickledPastTheDeadlineIsCutOff(String path, String framing, String from)
      throws Exception {
    boolean chunked = framing.equals("chunked");
    try (Socket socket = RawSocketHttp.connect(port, from)) {
      long start = System.nanoTime();
      socket
          .getOutputStream()
          .write(
              bytes(
                  "POST "
                      + path
                      + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                      + (chunked ? "Transfer-Encoding: chunked" : "Content-Length: 1000")
                      + "\r\n\r\n"));
      // JSON may begin with any amount of white space: each piece is one more byte of it.
      String piece = chunked ? "1\r\n \r\n" : " ";
      Trickle trickle = trickleBodyUntilClosed(socket, start, piece);
      System.out.println(
          "Finding D (bodies): POST "
              + path
              + " "
              + framing
              + ", body trickled, closed after ms: "
              + trickle.millis()
              + ", answered before: "
              + trickle.answer());
      assertThat(trickle.millis())
          .as("ms until the connection trickling a body was closed")
          .isBetween(500L, 4_000L);
    }
  }

  /**
   * A guard: a POST whose body follows its headers at once is answered, and the connection, its
   * request complete, stays usable past the deadline for the next request.
   */
  @Test
  void aPromptPostIsAnsweredAndItsConnectionOutlivesTheDeadline() throws Exception {
    String body = "{\"query\":\"{ __typename }\"}";
    try (Socket socket = RawSocketHttp.connect(port, "127.0.0.13")) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      InputStream in = socket.getInputStream();
      out.write(bytes(graphQlPostHead(body) + body));
      assertThat(head(in)).startsWith("HTTP/1.1 200");
      // Quiet for longer than the timeout: the completed request leaves no deadline behind.
      socket.setSoTimeout(2_000);
      try {
        throw new AssertionError(
            "the server sent or closed after a complete request: " + in.read());
      } catch (SocketTimeoutException quiet) {
        // as expected
      }
      socket.setSoTimeout(10_000);
      out.write(bytes(PROBE));
      assertThat(head(in)).startsWith("HTTP/1.1 200");
    }
  }

  /**
   * A guard: a body sent in a few pieces, a bit slowly but well within the timeout, is answered.
   */
  @Test
  void aBodySentABitSlowlyWithinTheDeadlineIsAnswered() throws Exception {
    String body = "{\"query\":\"{ __typename }\"}";
    try (Socket socket = RawSocketHttp.connect(port, "127.0.0.7")) {
      OutputStream out = socket.getOutputStream();
      out.write(bytes(graphQlPostHead(body)));
      long start = System.nanoTime();
      // The body in two pieces, paced by reads that time out.
      socket.setSoTimeout(SLOW_BODY_MILLIS);
      InputStream in = socket.getInputStream();
      int sent = 0;
      while (sent < body.length()) {
        try {
          int read = in.read();
          throw new AssertionError("the server answered or closed mid-body: " + read);
        } catch (SocketTimeoutException paced) {
          int next = Math.min(body.length(), sent + body.length() / 2 + 1);
          out.write(bytes(body.substring(sent, next)));
          sent = next;
        }
      }
      long millis = (System.nanoTime() - start) / 1_000_000;
      System.out.println("Finding D (bodies): a body sent in two pieces took ms: " + millis);
      assertThat(millis).as("ms the body took").isGreaterThanOrEqualTo(2L * SLOW_BODY_MILLIS);
      socket.setSoTimeout(10_000);
      assertThat(head(in)).startsWith("HTTP/1.1 200");
    }
  }

  private static String graphQlPostHead(String body) {
    return "POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
        + "Content-Length: "
        + body.length()
        + "\r\n\r\n";
  }

  /** How a trickled body ended: when the connection closed, and the answer's first line if any. */
  private record Trickle(long millis, String answer) {}

  /**
   * Sends {@code piece} every {@value #TRICKLE_MILLIS} ms until the server closes the connection,
   * reading (and keeping the first line of) any answer it sends meanwhile.
   */
  private static Trickle trickleBodyUntilClosed(Socket socket, long start, String piece)
      throws IOException {
    socket.setSoTimeout(TRICKLE_MILLIS);
    InputStream in = socket.getInputStream();
    OutputStream out = socket.getOutputStream();
    StringBuilder answer = new StringBuilder();
    byte[] buffer = new byte[4096];
    while (true) {
      long millis = (System.nanoTime() - start) / 1_000_000;
      if (millis > GIVE_UP_MILLIS) {
        throw new AssertionError(
            "a client trickling a body still had its connection after "
                + millis
                + " ms (answered before: "
                + firstLine(answer)
                + ")");
      }
      try {
        int read = in.read(buffer);
        if (read < 0) {
          return new Trickle((System.nanoTime() - start) / 1_000_000, firstLine(answer));
        }
        answer.append(new String(buffer, 0, read, StandardCharsets.ISO_8859_1));
      } catch (SocketTimeoutException paced) {
        try {
          out.write(bytes(piece));
        } catch (IOException closed) {
          return new Trickle((System.nanoTime() - start) / 1_000_000, firstLine(answer));
        }
      } catch (IOException reset) {
        return new Trickle((System.nanoTime() - start) / 1_000_000, firstLine(answer));
      }
    }
  }

  private static String firstLine(CharSequence answer) {
    String text = answer.toString();
    int end = text.indexOf("\r\n");
    return end < 0 ? (text.isEmpty() ? "nothing" : text) : text.substring(0, end);
  }

  /**
   * A WebSocket (graphql-transport-ws) is no HTTP request: once upgraded, its frames start no
   * request deadline, and it stays open well past the timeout.
   */
  @Test
  void aWebSocketOutlivesTheRequestDeadline() throws Exception {
    try (Socket socket = RawSocketHttp.connect(port, "127.0.0.8")) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      InputStream in = socket.getInputStream();
      out.write(
          bytes(
              "GET /graphql HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\n"
                  + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                  + "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: graphql-transport-ws\r\n\r\n"));
      assertThat(head(in)).startsWith("HTTP/1.1 101");
      frame(out, "{\"type\":\"connection_init\"}");
      assertThat(frame(in)).contains("connection_ack");
      // Quiet for longer than the timeout: the server sends nothing and closes nothing.
      socket.setSoTimeout(2_000);
      try {
        throw new AssertionError("the server sent or closed on a quiet WebSocket: " + in.read());
      } catch (SocketTimeoutException quiet) {
        // as expected
      }
      socket.setSoTimeout(10_000);
      frame(out, "{\"type\":\"ping\"}");
      assertThat(frame(in)).contains("pong");
    }
  }

  /** Writes a masked text frame, as a client must. */
  private static void frame(OutputStream out, String text) throws IOException {
    byte[] payload = bytes(text);
    byte[] mask = {1, 2, 3, 4};
    out.write(0x81);
    out.write(0x80 | payload.length); // the messages here are under 126 bytes
    out.write(mask);
    for (int i = 0; i < payload.length; i++) {
      out.write(payload[i] ^ mask[i % 4]);
    }
    out.flush();
  }

  /** Reads one unmasked frame from the server and returns its payload as text. */
  private static String frame(InputStream in) throws IOException {
    in.read();
    int length = in.read() & 0x7F;
    if (length == 126) {
      length = (in.read() << 8) | in.read();
    }
    return new String(in.readNBytes(length), StandardCharsets.UTF_8);
  }

  /**
   * Sends a header line every {@value #TRICKLE_MILLIS} ms until the server closes the connection,
   * and returns the milliseconds from {@code start} until it did.
   */
  private static long trickleUntilClosed(Socket socket, long start) throws IOException {
    socket.setSoTimeout(TRICKLE_MILLIS);
    InputStream in = socket.getInputStream();
    OutputStream out = socket.getOutputStream();
    for (int line = 0; ; line++) {
      long millis = (System.nanoTime() - start) / 1_000_000;
      if (millis > GIVE_UP_MILLIS) {
        throw new AssertionError(
            "a client trickling header lines still had its connection after " + millis + " ms");
      }
      try {
        int read = in.read();
        assertThat(read).as("bytes the server sent a trickling client").isEqualTo(-1);
        return (System.nanoTime() - start) / 1_000_000;
      } catch (SocketTimeoutException paced) {
        try {
          out.write(bytes("X-Trickle-" + line + ": a\r\n"));
        } catch (IOException closed) {
          return (System.nanoTime() - start) / 1_000_000;
        }
      } catch (IOException reset) {
        return (System.nanoTime() - start) / 1_000_000;
      }
    }
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  /** Reads an answer's head, and its body past it. */
  private static String head(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    int c;
    while ((c = in.read()) >= 0) {
      head.append((char) c);
      if (head.length() >= 4 && head.lastIndexOf("\r\n\r\n") == head.length() - 4) {
        break;
      }
    }
    for (String line : head.toString().split("\r\n")) {
      if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
        in.readNBytes(Integer.parseInt(line.substring(15).strip()));
      }
    }
    return head.toString();
  }
}
