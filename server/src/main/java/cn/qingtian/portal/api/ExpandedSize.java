package cn.qingtian.portal.api;

import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The number of fields an operation names once every fragment spread is replaced by its fragment,
 * counted without expanding anything: each fragment's size is computed once and reused, so a
 * document whose fragments spread each other many times is measured in time linear in its length,
 * however large its expansion. The count stops growing once it passes {@code cap}.
 */
final class ExpandedSize {

  private final Map<String, FragmentDefinition> fragments;
  private final Map<String, Long> sizes = new HashMap<>();
  private final long cap;

  private ExpandedSize(Map<String, FragmentDefinition> fragments, long cap) {
    this.fragments = fragments;
    this.cap = cap;
  }

  /** The expanded field count of an operation that passed validation (no fragment cycles). */
  static long of(
      OperationDefinition operation, Map<String, FragmentDefinition> fragments, long cap) {
    return new ExpandedSize(fragments, cap).size(operation.getSelectionSet());
  }

  private long size(@Nullable SelectionSet selectionSet) {
    if (selectionSet == null) {
      return 0;
    }
    long total = 0;
    for (Selection<?> selection : selectionSet.getSelections()) {
      long size = 0;
      if (selection instanceof Field field) {
        size = 1 + size(field.getSelectionSet());
      } else if (selection instanceof InlineFragment inline) {
        size = size(inline.getSelectionSet());
      } else if (selection instanceof FragmentSpread spread) {
        size = fragment(spread.getName());
      }
      total = Math.min(cap + 1, total + size);
    }
    return total;
  }

  private long fragment(String name) {
    Long known = sizes.get(name);
    if (known != null) {
      return known;
    }
    FragmentDefinition definition = fragments.get(name);
    // A cycle cannot pass validation; should one reach here, it counts as too large.
    sizes.put(name, cap + 1);
    long size = definition == null ? 0 : size(definition.getSelectionSet());
    sizes.put(name, size);
    return size;
  }
}
