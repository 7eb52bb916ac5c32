package cn.qingtian.portal.api;

import cn.qingtian.portal.messages.UserMessages;
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
      throw new InvalidInputException(UserMessages.get("api.page.firstAndLast"));
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
      throw new InvalidInputException(UserMessages.get("api.page.size", name, MAX_PAGE_SIZE, size));
    }
  }
}
