package cn.qingtian.portal.indicator;

import cn.qingtian.portal.dataset.ClosedSetCheck;
import cn.qingtian.portal.dataset.ClosedSetCheck.ClosedSet;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The indicator feature's columns that are Java enums: an import with another value is refused. */
@Configuration(proxyBeanMethods = false)
public class IndicatorClosedSets {

  /** Also checked by the {@code validate} command, which starts no Spring context. */
  public static final List<ClosedSet> SETS =
      List.of(ClosedSet.of("geographies", "level", GeographyLevel.class));

  @Bean
  ClosedSetCheck indicatorClosedSetCheck() {
    return new ClosedSetCheck(SETS);
  }
}
