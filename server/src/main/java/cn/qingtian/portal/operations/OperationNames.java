package cn.qingtian.portal.operations;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The GraphQL operation names metrics may carry as a tag: a name is kept as it is only if it looks
 * like a GraphQL name of at most 64 characters and is among the first {@code limit} distinct names
 * seen; anything else is {@link #OTHER}, so that clients choosing names cannot multiply the time
 * series. An operation without a name is {@link #ANONYMOUS}.
 */
final class OperationNames {

  /** Every name past the limit, and every name that is not a plain GraphQL name. */
  static final String OTHER = "(other)";

  /** An operation that has no name. */
  static final String ANONYMOUS = "(anonymous)";

  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");

  private final int limit;
  private final Set<String> known = ConcurrentHashMap.newKeySet();

  OperationNames(int limit) {
    this.limit = limit;
  }

  /** The tag value for an operation named {@code name}. */
  String tagFor(@Nullable String name) {
    if (name == null || name.isEmpty()) {
      return ANONYMOUS;
    }
    if (known.contains(name)) {
      return name;
    }
    if (!NAME.matcher(name).matches()) {
      return OTHER;
    }
    synchronized (known) {
      if (known.size() >= limit && !known.contains(name)) {
        return OTHER;
      }
      known.add(name);
      return name;
    }
  }
}
