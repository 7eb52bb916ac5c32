package cn.qingtian.portal.messages;

import java.util.Locale;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The texts the portal sends to its users when it refuses or fails a request (GraphQL errors, HTTP
 * error bodies, import and validation messages), read from the UTF-8 resource bundle {@code
 * cn/qingtian/portal/messages/messages.properties}. Log messages are for operators and stay in the
 * code.
 *
 * <p>Every value is one text in both languages, Chinese first and English second ({@code 中文 /
 * English}), because an answer carries both whatever the client's locale. To add a message, add a
 * key to the bundle and read it with {@link #get}; {@code {0}}, {@code {1}} … stand for the
 * arguments, written as {@link String#valueOf} writes them.
 *
 * <p>Why a static lookup over a {@link ResourceBundle} and not Spring's {@code MessageSource}: the
 * texts are raised from static helpers (global IDs, cursors, page arguments), graphql-java
 * instrumentation and web filters, and the dataset validators also run from the command line with
 * no application context, so one lookup reachable from everywhere serves every context alike.
 * {@code MessageSource} would add a locale resolution that a bilingual text does not need, and its
 * {@code MessageFormat} would write numbers with grouping ({@code 1,000}), changing texts that
 * clients and tests read; here a placeholder is replaced by the argument and nothing else in the
 * text is special (braces in {@code JSON {"query": …}} stay as written).
 */
public final class UserMessages {

  private static final ResourceBundle BUNDLE =
      ResourceBundle.getBundle(
          "cn.qingtian.portal.messages.messages",
          Locale.ROOT,
          UserMessages.class.getClassLoader(),
          ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");

  private UserMessages() {}

  /**
   * The text of {@code key} with its placeholders replaced by {@code arguments}.
   *
   * @throws java.util.MissingResourceException when the bundle has no such key
   * @throws IllegalArgumentException when the text names an argument that was not given
   */
  public static String get(String key, @Nullable Object... arguments) {
    String text = BUNDLE.getString(key);
    if (arguments.length == 0) {
      return text;
    }
    Matcher matcher = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder(text.length() + 32);
    while (matcher.find()) {
      int index = Integer.parseInt(matcher.group(1));
      if (index >= arguments.length) {
        throw new IllegalArgumentException(key + " has no argument " + index);
      }
      matcher.appendReplacement(out, Matcher.quoteReplacement(String.valueOf(arguments[index])));
    }
    return matcher.appendTail(out).toString();
  }
}
