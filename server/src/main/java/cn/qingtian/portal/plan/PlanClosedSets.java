package cn.qingtian.portal.plan;

import cn.qingtian.portal.dataset.ClosedSetCheck;
import cn.qingtian.portal.dataset.ClosedSetCheck.ClosedSet;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The plan's columns that are Java enums: an import with another value in them is refused. */
@Configuration(proxyBeanMethods = false)
public class PlanClosedSets {

  /** Also checked by the {@code validate} command, which starts no Spring context. */
  public static final List<ClosedSet> SETS =
      List.of(
          ClosedSet.of("targets", "kind", TargetKind.class),
          ClosedSet.of("targets", "comparator", TargetComparator.class),
          ClosedSet.of("plans", "level", PlanLevel.class),
          ClosedSet.of("measures", "kind", MeasureKind.class));

  @Bean
  ClosedSetCheck planClosedSetCheck() {
    return new ClosedSetCheck(SETS);
  }
}
