package cn.qingtian.portal.fuzz;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * HTTP/1.1 over a plain {@link Socket}: the request goes out byte for byte as given (paths are not
 * normalized, headers not checked, lengths not corrected), so malformed requests reach the server
 * as an attacker would send them. Each exchange uses its own connection and reads until the server
 * closes it.
 */
final class SocketHttp {

  private SocketHttp() {}

  /** What came back: status 0 when the server closed without answering. */
  record Answer(int status, Map<String, String> headers, byte[] body, boolean timedOut) {

    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  static Answer exchange(int port, byte[] request, int timeoutMillis) {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(timeoutMillis);
      OutputStream out = socket.getOutputStream();
      try {
        out.write(request);
        out.flush();
      } catch (IOException writeFailed) {
        // The server may answer (413, 431) and close before it has read everything: read on.
      }
      ByteArrayOutputStream received = new ByteArrayOutputStream();
      boolean timedOut = false;
      try {
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[16_384];
        int n;
        while ((n = in.read(buffer)) > 0) {
          received.write(buffer, 0, n);
        }
      } catch (SocketTimeoutException e) {
        timedOut = true;
      } catch (IOException reset) {
        // connection reset after the answer: keep what arrived
      }
      return parse(received.toByteArray(), timedOut);
    } catch (IOException e) {
      return new Answer(0, Map.of(), new byte[0], false);
    }
  }

  static Answer parse(byte[] raw, boolean timedOut) {
    int end = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
    if (end < 0) {
      return new Answer(0, Map.of(), raw, timedOut);
    }
    String head = new String(raw, 0, end, StandardCharsets.ISO_8859_1);
    String[] lines = head.split("\r\n");
    String[] statusLine = lines[0].split(" ", 3);
    int status;
    try {
      status = Integer.parseInt(statusLine[1]);
    } catch (RuntimeException e) {
      return new Answer(0, Map.of(), raw, timedOut);
    }
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers.merge(
            lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
            lines[i].substring(colon + 1).trim(),
            (a, b) -> a + ", " + b);
      }
    }
    byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
    if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      body = dechunk(body);
    }
    if ("gzip".equalsIgnoreCase(headers.get("content-encoding"))) {
      try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
        body = in.readAllBytes();
      } catch (IOException e) {
        // a partial gzip body (a range): scanned as it came
      }
    }
    return new Answer(status, headers, body, timedOut);
  }

  private static byte[] dechunk(byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int at = 0;
    while (at < body.length) {
      int lineEnd =
          indexOf(java.util.Arrays.copyOfRange(body, at, body.length), new byte[] {13, 10});
      if (lineEnd < 0) {
        break;
      }
      String sizeText =
          new String(body, at, lineEnd, StandardCharsets.ISO_8859_1).split(";")[0].trim();
      int size;
      try {
        size = Integer.parseInt(sizeText, 16);
      } catch (NumberFormatException e) {
        break;
      }
      at += lineEnd + 2;
      if (size == 0 || at + size > body.length) {
        out.write(body, at, Math.max(0, Math.min(size, body.length - at)));
        break;
      }
      out.write(body, at, size);
      at += size + 2;
    }
    return out.toByteArray();
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
