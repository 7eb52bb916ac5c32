package cn.qingtian.portal.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Opaque global IDs built from a type and a stable code, independent of releases (decision D5):
 * base64url of {@code Type:part:part}.
 */
public record GlobalId(String type, List<String> parts) {

  public static String of(String type, String... parts) {
    String raw = type + ":" + String.join(":", parts);
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Decodes an ID.
   *
   * @throws InvalidInputException when it is not an ID of this API
   */
  public static GlobalId parse(String id) {
    try {
      String raw = new String(Base64.getUrlDecoder().decode(id), StandardCharsets.UTF_8);
      String[] pieces = raw.split(":", -1);
      if (pieces.length < 2 || pieces[0].isEmpty()) {
        throw new IllegalArgumentException(raw);
      }
      return new GlobalId(pieces[0], List.of(pieces).subList(1, pieces.length));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("不是有效的 ID / not a valid ID: " + abbreviate(id));
    }
  }

  private static String abbreviate(String text) {
    return text.length() > 40 ? text.substring(0, 40) + "…" : text;
  }
}
