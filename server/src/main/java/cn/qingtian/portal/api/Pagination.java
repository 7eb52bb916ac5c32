package cn.qingtian.portal.api;

import cn.qingtian.portal.messages.UserMessages;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Slices a sorted list into a Relay connection. Cursors are opaque (base64url) sort keys, so a
 * cursor stays meaningful across releases: paging continues after the key, wherever it now is.
 */
public final class Pagination {

  private Pagination() {}

  /** A connection of plain {@link Edge}s. */
  public static <T> Connection<T> page(
      List<T> sorted, Function<T, String> sortKey, PageRequest request) {
    return page(sorted, sortKey, request, Edge::new, Function.identity());
  }

  /**
   * A connection whose edges are built by {@code edge} from the cursor and the item, and whose
   * nodes are the items mapped by {@code node}.
   */
  public static <I, N> Connection<N> page(
      List<I> sorted,
      Function<I, String> sortKey,
      PageRequest request,
      BiFunction<String, I, ?> edge,
      Function<I, N> node) {
    request.validated();
    int from = 0;
    int to = sorted.size();
    if (request.after() != null) {
      String after = decode(request.after());
      while (from < to && sortKey.apply(sorted.get(from)).compareTo(after) <= 0) {
        from++;
      }
    }
    if (request.before() != null) {
      String before = decode(request.before());
      while (to > from && sortKey.apply(sorted.get(to - 1)).compareTo(before) >= 0) {
        to--;
      }
    }
    int windowFrom = from;
    int windowTo = to;
    if (request.last() != null) {
      from = Math.max(from, to - request.last());
    } else {
      int first = request.first() == null ? PageRequest.MAX_PAGE_SIZE : request.first();
      to = Math.min(to, from + first);
    }
    List<Object> edges = new ArrayList<>(to - from);
    List<N> nodes = new ArrayList<>(to - from);
    for (I item : sorted.subList(from, to)) {
      edges.add(edge.apply(encode(sortKey.apply(item)), item));
      nodes.add(node.apply(item));
    }
    String start = from < to ? encode(sortKey.apply(sorted.get(from))) : null;
    String end = from < to ? encode(sortKey.apply(sorted.get(to - 1))) : null;
    PageInfo pageInfo = new PageInfo(start, end, to < windowTo, from > windowFrom);
    return new Connection<>(List.copyOf(edges), List.copyOf(nodes), pageInfo, sorted.size());
  }

  static String encode(String sortKey) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(("cursor:" + sortKey).getBytes(StandardCharsets.UTF_8));
  }

  /** The sort key a cursor stands for; a malformed cursor is a clear input error. */
  public static String decode(String cursor) {
    try {
      String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      if (!raw.startsWith("cursor:")) {
        throw new IllegalArgumentException(raw);
      }
      return raw.substring("cursor:".length());
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(UserMessages.get("api.cursor.invalid"));
    }
  }
}
