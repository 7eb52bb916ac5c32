package cn.qingtian.portal.dataset;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Decodes a CSV file strictly as UTF-8 (a UTF-8 BOM is allowed), and explains the usual mistake: a
 * file saved by Excel on Chinese Windows is GB18030/GBK (decision D13).
 */
final class CsvText {

  private static final Charset GB18030 = Charset.forName("GB18030");

  private CsvText() {}

  /** Returns the text, or null with a problem added when the bytes are not UTF-8. */
  static @Nullable String decode(String file, byte[] bytes, List<Problem> problems) {
    int start = hasUtf8Bom(bytes) ? 3 : 0;
    ByteBuffer buffer = ByteBuffer.wrap(bytes, start, bytes.length - start);
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(buffer)
          .toString();
    } catch (CharacterCodingException e) {
      problems.add(notUtf8(file, bytes, start));
      return null;
    }
  }

  private static boolean hasUtf8Bom(byte[] bytes) {
    return bytes.length >= 3
        && (bytes[0] & 0xff) == 0xef
        && (bytes[1] & 0xff) == 0xbb
        && (bytes[2] & 0xff) == 0xbf;
  }

  private static Problem notUtf8(String file, byte[] bytes, int start) {
    int offset = firstInvalidUtf8(bytes, start);
    int row = 1;
    int lineStart = start;
    for (int i = start; i < offset; i++) {
      if (bytes[i] == '\n') {
        row++;
        lineStart = i + 1;
      }
    }
    int column = countCommas(bytes, lineStart, offset) + 1;
    if (looksLikeGb18030(bytes, start)) {
      return new Problem(
          file,
          row,
          column,
          "文件不是 UTF-8 编码，看起来是 GB18030/GBK（中文 Windows 上 Excel 另存为“CSV（逗号分隔）”的编码）。"
              + "请在 Excel 中选择“另存为 → CSV UTF-8（逗号分隔）”，或用文本编辑器转存为 UTF-8 后重试",
          "the file is not UTF-8; it looks like GB18030/GBK, the encoding Excel on Chinese Windows"
              + " uses for \"CSV (Comma delimited)\". Save it again with \"Save As > CSV UTF-8"
              + " (Comma delimited)\", or convert it to UTF-8 in a text editor, and retry");
    }
    return new Problem(
        file,
        row,
        column,
        "文件不是 UTF-8 编码（第 " + (offset + 1) + " 字节无效）。请转存为 UTF-8 后重试",
        "the file is not UTF-8 (invalid byte at offset "
            + offset
            + "); convert it to UTF-8 and retry");
  }

  private static int firstInvalidUtf8(byte[] bytes, int start) {
    var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
    var out = java.nio.CharBuffer.allocate(bytes.length + 1);
    var result = decoder.decode(in, out, true);
    return result.isError() ? in.position() : bytes.length;
  }

  private static boolean looksLikeGb18030(byte[] bytes, int start) {
    try {
      GB18030
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, start, bytes.length - start));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  private static int countCommas(byte[] bytes, int from, int to) {
    int commas = 0;
    for (int i = from; i < to; i++) {
      if (bytes[i] == ',') {
        commas++;
      }
    }
    return commas;
  }
}
