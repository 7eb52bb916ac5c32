package cn.qingtian.portal.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A bounded map of computed values that drops the least recently used beyond its size. A value is
 * computed outside the lock, so a slow computation never holds up readers of other keys (two
 * threads may compute the same value once each; the values must be interchangeable).
 */
public final class LruCache<K, V> {

  private final Map<K, V> values;

  public LruCache(int size) {
    this.values =
        new LinkedHashMap<>(64, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
            return size() > size;
          }
        };
  }

  public @Nullable V find(K key) {
    synchronized (values) {
      return values.get(key);
    }
  }

  public void put(K key, V value) {
    synchronized (values) {
      values.put(key, value);
    }
  }

  public V get(K key, Function<K, V> compute) {
    V value;
    synchronized (values) {
      value = values.get(key);
    }
    if (value == null) {
      value = compute.apply(key);
      put(key, value);
    }
    return value;
  }
}
