package cn.qingtian.portal.indicator;

import cn.qingtian.portal.api.GlobalId;
import cn.qingtian.portal.architecture.FeatureInterface;
import org.jspecify.annotations.Nullable;

/** Where an observation was published. */
@FeatureInterface
public record Source(
    String code,
    String title,
    String publisher,
    @Nullable String url,
    @Nullable String published,
    @Nullable String accessed,
    @Nullable String note) {

  public String id() {
    return GlobalId.of("Source", code);
  }
}
