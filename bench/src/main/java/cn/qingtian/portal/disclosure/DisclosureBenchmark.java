package cn.qingtian.portal.disclosure;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * {@code bench/disclosure-bench}: times generating, protecting and auditing synthetic microdata of
 * a given size (default 200,000 households × 5 years), and the DP option on the same data; prints
 * the median of several runs. Run from the jar with Spring Boot's PropertiesLauncher.
 */
public final class DisclosureBenchmark {

  private DisclosureBenchmark() {}

  public static void main(String[] args) {
    int households = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
    int years = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    List<Integer> yearList = IntStream.range(2020, 2020 + years).boxed().toList();
    long start = System.nanoTime();
    List<Household> microdata =
        MicrodataGenerator.generate(MicrodataGenerator.SEED, households, 2020, years);
    double generate = seconds(start);
    List<Double> control = new ArrayList<>();
    List<Double> privacy = new ArrayList<>();
    Disclosure.Result last = null;
    for (int run = 0; run < runs; run++) {
      start = System.nanoTime();
      last = Disclosure.run(microdata, yearList);
      control.add(seconds(start));
      start = System.nanoTime();
      Disclosure.runDifferentiallyPrivate(
          microdata,
          yearList,
          new DifferentialPrivacy(new DiscreteLaplace(new SplittableRandom(run)), 1, 2));
      privacy.add(seconds(start));
    }
    int suppressed = last.reports().stream().mapToInt(r -> r.primary() + r.secondary()).sum();
    int entries = last.reports().stream().mapToInt(Disclosure.TableReport::entries).sum();
    System.out.printf(
        "microdata: %,d households x %d years = %,d rows, generated in %.2f s%n",
        households, years, microdata.size(), generate);
    System.out.printf(
        "disclosure control (tables, suppression, LP audit): median %.2f s over %d runs %s;"
            + " %d of %d entries withheld, every audit passed: %s%n",
        median(control),
        runs,
        control,
        suppressed,
        entries,
        last.reports().stream().allMatch(Disclosure.TableReport::auditPassed));
    System.out.printf(
        "differential privacy (tables, noise, post-processing): median %.2f s over %d runs %s%n",
        median(privacy), runs, privacy);
  }

  private static double seconds(long start) {
    return Math.round((System.nanoTime() - start) / 1e7) / 100.0;
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
