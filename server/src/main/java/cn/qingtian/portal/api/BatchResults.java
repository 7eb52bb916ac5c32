package cn.qingtian.portal.api;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Shapes the rows of one batched query into the map a {@code @BatchMapping} returns. */
public final class BatchResults {

  private BatchResults() {}

  /** The distinct keys of a batch of parents, to query their children in one go. */
  public static <T> Set<String> keys(List<T> items, Function<T, String> key) {
    return items.stream().map(key).collect(Collectors.toSet());
  }

  /** Hands each parent its children, in query order; a parent without any gets an empty list. */
  public static <P, C> Map<P, List<C>> children(
      List<P> parents, Function<P, String> key, Map<String, Collection<C>> byKey) {
    return parents.stream()
        .collect(
            Collectors.toMap(
                p -> p,
                p -> List.copyOf(byKey.getOrDefault(key.apply(p), List.of())),
                (a, b) -> a));
  }

  /** Hands each child its one parent; a child without a key or a known parent is left out. */
  public static <C, P> Map<C, P> parent(
      List<C> children, Function<C, String> key, Map<String, P> byKey) {
    return children.stream()
        .filter(child -> key.apply(child) != null && byKey.containsKey(key.apply(child)))
        .collect(Collectors.toMap(c -> c, c -> byKey.get(key.apply(c)), (a, b) -> a));
  }
}
