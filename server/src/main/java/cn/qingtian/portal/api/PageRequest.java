package cn.qingtian.portal.api;

import org.jspecify.annotations.Nullable;

/**
 * The paging arguments of a connection field, checked: {@code first} or {@code last} between 1 and
 * {@value #MAX_PAGE_SIZE}, not both; without either, the first {@value #MAX_PAGE_SIZE}.
 */
public record PageRequest(
    @Nullable Integer first,
    @Nullable String after,
    @Nullable Integer last,
    @Nullable String before) {

  public static final int MAX_PAGE_SIZE = 100;

  /** Checks the arguments; the binder constructs this record before anything can be reported. */
  PageRequest validated() {
    if (first != null && last != null) {
      throw new InvalidInputException("first 与 last 不能同时使用 / use either first or last, not both");
    }
    check("first", first);
    check("last", last);
    return this;
  }

  public static PageRequest firstPage() {
    return new PageRequest(null, null, null, null);
  }

  private static void check(String name, @Nullable Integer size) {
    if (size != null && (size < 1 || size > MAX_PAGE_SIZE)) {
      throw new InvalidInputException(
          name
              + " 必须在 1 到 "
              + MAX_PAGE_SIZE
              + " 之间（收到 "
              + size
              + "）/ "
              + name
              + " must be between 1 and "
              + MAX_PAGE_SIZE
              + " (got "
              + size
              + ")");
    }
  }
}
