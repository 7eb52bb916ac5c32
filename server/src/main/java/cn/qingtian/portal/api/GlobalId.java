package cn.qingtian.portal.api;

import cn.qingtian.portal.messages.UserMessages;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Opaque global IDs built from a type and a stable code, independent of releases (decision D5,
 * docs/decisions/0005-identifiers.md): base64url of {@code Type:part:part}.
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
      throw new InvalidInputException(UserMessages.get("api.id.invalid", abbreviate(id)));
    }
  }

  /**
   * The code a query asks for with exactly one of a global ID of {@code type} or a code; an ID of
   * another type asks for nothing (an empty string, which no code equals).
   *
   * @throws InvalidInputException when both or neither are given, or the ID is malformed
   */
  public static String codeOf(@Nullable String id, @Nullable String code, String type) {
    if ((id == null) == (code == null)) {
      throw new InvalidInputException(UserMessages.get("api.id.idOrCode"));
    }
    if (code != null) {
      return code;
    }
    GlobalId globalId = parse(id);
    return globalId.type().equals(type) ? globalId.parts().get(0) : "";
  }

  private static String abbreviate(String text) {
    return text.length() > 40 ? text.substring(0, 40) + "…" : text;
  }
}
