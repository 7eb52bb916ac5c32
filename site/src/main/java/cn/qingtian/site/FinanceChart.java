package cn.qingtian.site;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A charity's yearly finances as grouped bars (donation income, programme spending, administrative
 * cost), laid out at build time as inline SVG; DEMO bars are pale and outlined. The table beside it
 * holds the same figures for screen readers and copying.
 */
public record FinanceChart(
    int width,
    int height,
    String title,
    String description,
    List<Chart.Tick> xTicks,
    List<Chart.Tick> yTicks,
    List<Bar> bars,
    List<Series> legend) {

  private static final int WIDTH = 640;
  private static final int HEIGHT = 260;
  private static final int LEFT = 88;
  private static final int RIGHT = 16;
  private static final int TOP = 16;
  private static final int BOTTOM = 36;

  /** One bar: a figure of one year. */
  public record Bar(double x, double y, double w, double h, String css, String label) {

    public String at() {
      return Format.coordinate(x);
    }

    public String top() {
      return Format.coordinate(y);
    }

    public String wide() {
      return Format.coordinate(w);
    }

    public String high() {
      return Format.coordinate(h);
    }
  }

  /** A series in the legend. */
  public record Series(String css, String label) {}

  static @Nullable FinanceChart of(Api.Charity charity, Messages t) {
    List<Api.Finance> years = charity.finances();
    double max = max(years);
    if (years.isEmpty() || max <= 0) {
      return null;
    }
    double top = max * 1.08;
    double plotWidth = WIDTH - LEFT - RIGHT;
    double plotHeight = HEIGHT - TOP - BOTTOM;
    double slot = plotWidth / years.size();
    double barWidth = Math.min(28, slot / 4);
    List<Series> legend =
        List.of(
            new Series("bar income", t.get("charity.income")),
            new Series("bar programmes", t.get("charity.programmes")),
            new Series("bar admin", t.get("charity.admin")));
    List<Bar> bars = new ArrayList<>();
    List<Chart.Tick> xTicks = new ArrayList<>();
    for (int i = 0; i < years.size(); i++) {
      Api.Finance f = years.get(i);
      double centre = LEFT + slot * (i + 0.5);
      xTicks.add(new Chart.Tick(centre, Integer.toString(f.year())));
      bars.addAll(yearBars(f, centre, barWidth, plotHeight, top, legend));
    }
    List<Chart.Tick> yTicks = yAxis(top, plotHeight);
    boolean demo = years.stream().anyMatch(f -> f.provenance().equals("DEMO"));
    List<Series> keys = new ArrayList<>(legend);
    if (demo) {
      keys.add(new Series("bar demo", t.get("provenance.DEMO")));
    }
    String description = t.get("charity.chart.description");
    return new FinanceChart(
        WIDTH,
        HEIGHT,
        charity.name() + " · " + t.get("charity.finances"),
        // The description explains the DEMO style whatever the data; DEMO figures add the label.
        demo ? t.get("demo.label") + description : description,
        xTicks,
        yTicks,
        List.copyOf(bars),
        List.copyOf(keys));
  }

  /** The highest of the figures drawn, 0 when there is none. */
  private static double max(List<Api.Finance> years) {
    double max = 0;
    for (Api.Finance f : years) {
      for (Double v : values(f)) {
        if (v != null) {
          max = Math.max(max, v);
        }
      }
    }
    return max;
  }

  /** A year's bars, one per figure it has, side by side around the year's centre. */
  private static List<Bar> yearBars(
      Api.Finance f,
      double centre,
      double barWidth,
      double plotHeight,
      double top,
      List<Series> legend) {
    List<Bar> bars = new ArrayList<>();
    List<Double> values = values(f);
    for (int s = 0; s < values.size(); s++) {
      Double value = values.get(s);
      if (value == null) {
        continue;
      }
      double h = plotHeight * value / top;
      boolean demo = f.provenance().equals("DEMO");
      bars.add(
          new Bar(
              centre + (s - 1.5) * barWidth,
              TOP + plotHeight - h,
              barWidth,
              h,
              legend.get(s).css() + (demo ? " demo" : ""),
              f.year()
                  + " "
                  + legend.get(s).label()
                  + ": "
                  + Format.number(value)
                  + (demo ? " (DEMO)" : "")));
    }
    return bars;
  }

  private static List<Chart.Tick> yAxis(double top, double plotHeight) {
    List<Chart.Tick> yTicks = new ArrayList<>();
    for (int i = 0; i <= 4; i++) {
      double value = top * i / 4;
      yTicks.add(new Chart.Tick(TOP + plotHeight - plotHeight * i / 4, Format.number(value)));
    }
    return yTicks;
  }

  private static List<Double> values(Api.Finance f) {
    return java.util.Arrays.asList(f.donationIncome(), f.programmeSpending(), f.adminCost());
  }
}
