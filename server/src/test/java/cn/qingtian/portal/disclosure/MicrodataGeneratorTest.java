package cn.qingtian.portal.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The synthetic microdata: deterministic, covering every township, skewed, never printed. */
class MicrodataGeneratorTest {

  @Test
  void theSameSeedGivesTheSameHouseholds() {
    assertThat(MicrodataGenerator.generate(7, 2_000, 2021, 3))
        .isEqualTo(MicrodataGenerator.generate(7, 2_000, 2021, 3))
        .isNotEqualTo(MicrodataGenerator.generate(8, 2_000, 2021, 3))
        .hasSize(6_000);
  }

  @Test
  void coversEveryTownshipWithSparseSmallOnesAndASkewedIncome() {
    List<Household> households =
        MicrodataGenerator.generate(MicrodataGenerator.SEED, 10_000, 2021, 1);
    var perTownship =
        households.stream()
            .collect(Collectors.groupingBy(Household::township, Collectors.counting()));
    assertThat(perTownship).hasSize(32);
    assertThat(perTownship.values().stream().mapToLong(Long::longValue).min().orElseThrow())
        .isLessThan(50);
    double mean = households.stream().mapToLong(Household::income).average().orElseThrow();
    long[] sorted = households.stream().mapToLong(Household::income).sorted().toArray();
    assertThat(mean).as("right-skewed: mean above median").isGreaterThan(sorted[sorted.length / 2]);
    assertThat(households.stream().filter(Household::lowIncomeFarm)).isNotEmpty();
    assertThat(households.get(0).toString()).doesNotContain("HH").isEqualTo("Household[private]");
  }
}
