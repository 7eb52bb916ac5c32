package cn.qingtian.portal.dataset;

import cn.qingtian.portal.messages.UserMessages;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The encoding of the package's text files: strictly UTF-8, decoded as a stream (a file of any size
 * takes constant memory), with one UTF-8 byte order mark allowed at the very start (Excel's "CSV
 * UTF-8" writes one) and skipped. The usual mistakes are explained (decision D13): a file saved by
 * Excel on Chinese Windows is GB18030/GBK, its "Unicode text" is UTF-16.
 */
final class CsvText {

  private static final Charset GB18030 = Charset.forName("GB18030");

  private CsvText() {}

  /** The first bytes of a file, as far as they tell its encoding. */
  enum Start {
    PLAIN(0),
    UTF8_BOM(3),
    UTF16_BOM(2);

    private final int length;

    Start(int length) {
      this.length = length;
    }

    static Start of(Path path) throws IOException {
      byte[] head = new byte[3];
      int read;
      try (InputStream in = Files.newInputStream(path)) {
        read = in.readNBytes(head, 0, 3);
      }
      int b0 = read > 0 ? head[0] & 0xff : -1;
      int b1 = read > 1 ? head[1] & 0xff : -1;
      int b2 = read > 2 ? head[2] & 0xff : -1;
      if (b0 == 0xef && b1 == 0xbb && b2 == 0xbf) {
        return UTF8_BOM;
      }
      if (b0 == 0xff && b1 == 0xfe || b0 == 0xfe && b1 == 0xff) {
        return UTF16_BOM;
      }
      return PLAIN;
    }
  }

  /** Thrown by {@link #open}'s reader at the first byte that is not UTF-8. */
  static final class NotUtf8Exception extends IOException {
    private final long offset;

    NotUtf8Exception(long offset) {
      super("not UTF-8 at byte " + offset);
      this.offset = offset;
    }

    long offset() {
      return offset;
    }
  }

  /**
   * A reader of a UTF-8 file that skips a leading byte order mark. It hands out every character
   * before a byte that is not UTF-8, then throws {@link NotUtf8Exception}: whoever reads knows
   * exactly where the bad byte is.
   */
  static Reader open(Path path) throws IOException {
    InputStream in = Files.newInputStream(path);
    long skipped = Start.of(path) == Start.UTF8_BOM ? in.skip(3) : 0;
    return new StrictUtf8Reader(in, skipped);
  }

  /** The problem for a file that is UTF-16 (Excel's "Unicode text"). */
  static Problem utf16(String file) {
    return new Problem(
        file,
        1,
        1,
        UserMessages.get("dataset.csv.utf16.zh"),
        UserMessages.get("dataset.csv.utf16.en"));
  }

  /** The problem for a file with a byte that is not UTF-8, at the place the reader stopped. */
  static Problem notUtf8(String file, Path path, int row, int column, long offset) {
    if (looksLikeGb18030(path)) {
      return new Problem(
          file,
          row,
          column,
          UserMessages.get("dataset.csv.gb18030.zh"),
          UserMessages.get("dataset.csv.gb18030.en"));
    }
    return new Problem(
        file,
        row,
        column,
        UserMessages.get("dataset.csv.notUtf8.zh", offset + 1),
        UserMessages.get("dataset.csv.notUtf8.en", offset));
  }

  /** Whether the whole file decodes as GB18030 (read as a stream). */
  static boolean looksLikeGb18030(Path path) {
    CharsetDecoder decoder =
        GB18030
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    try (InputStream in = Files.newInputStream(path)) {
      ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
      CharBuffer chars = CharBuffer.allocate(1 << 16);
      boolean eof = false;
      while (true) {
        int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
        eof = n < 0;
        bytes.position(bytes.position() + Math.max(n, 0));
        bytes.flip();
        CoderResult result;
        do {
          chars.clear();
          result = decoder.decode(bytes, chars, eof);
        } while (result.isOverflow());
        if (result.isError()) {
          return false;
        }
        if (eof) {
          return true;
        }
        bytes.compact();
      }
    } catch (IOException e) {
      return false;
    }
  }

  /** Strict UTF-8 decoding that reports the offset of the first bad byte. */
  private static final class StrictUtf8Reader extends Reader {
    private final InputStream in;
    private final CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16).flip();
    private long consumed;
    private boolean eof;
    private NotUtf8Exception failure;

    StrictUtf8Reader(InputStream in, long skipped) {
      this.in = in;
      this.consumed = skipped;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
      if (failure != null) {
        throw failure;
      }
      if (length == 0) {
        return 0;
      }
      CharBuffer out = CharBuffer.wrap(buffer, offset, length);
      while (out.position() == offset) {
        CoderResult result = decoder.decode(bytes, out, eof);
        if (result.isError()) {
          failure = new NotUtf8Exception(consumed + bytes.position());
          if (out.position() > offset) {
            break;
          }
          throw failure;
        }
        if (result.isOverflow()) {
          break;
        }
        if (eof) {
          return out.position() > offset ? out.position() - offset : -1;
        }
        consumed += bytes.position();
        bytes.compact();
        int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (n < 0) {
          eof = true;
        } else {
          bytes.position(bytes.position() + n);
        }
        bytes.flip();
      }
      return out.position() - offset;
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
