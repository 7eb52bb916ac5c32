package cn.qingtian.portal.api;

import reactor.core.publisher.Mono;

/** Finds objects by global ID for {@code node} and {@code nodes}; one per feature. */
public interface NodeResolver {

  /**
   * The object with this ID in the release; empty when absent or of a type this one does not own.
   */
  Mono<Object> resolve(GlobalId id, int release);
}
