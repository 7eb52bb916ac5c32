package cn.qingtian.portal.attack;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * HTTP/1.1 exactly as an attacker writes it: the request line and headers go out byte for byte (no
 * client normalises the path or sets {@code Host}), from a chosen local address, with {@code
 * Connection: close} so the answer ends with the connection.
 */
final class RawSocketHttp {

  private RawSocketHttp() {}

  /** An answer: status, headers (names in lower case) and body. */
  record Answer(int status, Map<String, String> headers, String body) {

    @Nullable String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  /** A request from 127.0.0.1 with {@code Host: localhost}. */
  static Answer exchange(int port, String method, String target) throws IOException {
    return exchange(port, "127.0.0.1", method, target, "localhost");
  }

  static Answer exchange(int port, String from, String method, String target, String host)
      throws IOException {
    try (Socket socket = connect(port, from)) {
      socket.setSoTimeout(20_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          (method + " " + target + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      return parse(new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1));
    }
  }

  /** A connection from this loopback address (127.0.0.0/8 all reach the server on Linux). */
  static Socket connect(int port, String from) throws IOException {
    Socket socket = new Socket();
    socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
    socket.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 5_000);
    return socket;
  }

  /** Parses an answer read one byte to a character (ISO-8859-1), so chunk sizes count bytes. */
  static Answer parse(String raw) {
    int end = raw.indexOf("\r\n\r\n");
    String head = end < 0 ? raw : raw.substring(0, end);
    String body = end < 0 ? "" : raw.substring(end + 4);
    String[] lines = head.split("\r\n");
    int status = lines[0].startsWith("HTTP/") ? Integer.parseInt(lines[0].split(" ")[1]) : -1;
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers.put(
            lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
            lines[i].substring(colon + 1).strip());
      }
    }
    if ("chunked".equals(headers.get("transfer-encoding"))) {
      body = dechunk(body);
    }
    return new Answer(
        status,
        headers,
        new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
  }

  private static String dechunk(String chunked) {
    StringBuilder body = new StringBuilder();
    int at = 0;
    while (at < chunked.length()) {
      int line = chunked.indexOf("\r\n", at);
      if (line < 0) {
        break;
      }
      int size = Integer.parseInt(chunked.substring(at, line).split(";")[0].strip(), 16);
      if (size == 0) {
        break;
      }
      body.append(chunked, line + 2, Math.min(chunked.length(), line + 2 + size));
      at = line + 2 + size + 2;
    }
    return body.toString();
  }
}
