package cn.qingtian.site;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.DoubleUnaryOperator;
import java.util.function.IntToDoubleFunction;
import org.jspecify.annotations.Nullable;

/** Lays an indicator's series out as a {@link Chart}; only whole years are drawn. */
final class ChartLayout {

  static final int WIDTH = 640;
  static final int HEIGHT = 300;
  private static final int LEFT = 72;
  private static final int RIGHT = 16;
  private static final int TOP = 16;
  private static final int BOTTOM = 36;
  private static final Set<String> LEVEL_KINDS =
      Set.of("LEVEL", "SHARE", "FULL_COVERAGE", "CEILING", "FLOOR", "GROWTH_RATE");

  private ChartLayout() {}

  /**
   * @param place the name of the plan's geography, whose series the indicator's own observations
   *     are
   */
  static @Nullable Chart of(Api.Indicator indicator, String place, Messages t) {
    List<Api.Observation> own =
        indicator.observations().nodes().stream().filter(Api.Observation::annual).toList();
    if (own.isEmpty()) {
      return null;
    }
    Api.Target target =
        indicator.targets().stream()
            .filter(x -> LEVEL_KINDS.contains(x.kind()))
            .findFirst()
            .orElse(null);
    Scale scale = Scale.of(indicator, own, target);
    IntToDoubleFunction x = scale::x;
    DoubleUnaryOperator y = scale::y;
    List<Chart.Line> lines = seriesLines(indicator, own, place, x, y, t);
    Chart.Line targetLine = null;
    Chart.Line path = null;
    Chart.Line projection = null;
    if (target != null) {
      targetLine = targetLine(target, scale, t);
      path = pathLine(target, x, y, t);
      projection = projectionLine(target, own, x, y, t);
    }
    return new Chart(
        WIDTH,
        HEIGHT,
        indicator.name(),
        description(indicator, lines, t),
        scale.xTicks(),
        scale.yTicks(),
        lines,
        dots(own, x, y),
        targetLine,
        path,
        projection);
  }

  /** The chart's years and values: from the first year to the last, from 0 or below to the top. */
  private record Scale(int firstYear, int lastYear, double min, double top) {

    /** Spans every year and value drawn: the series, the comparisons and the target. */
    static Scale of(
        Api.Indicator indicator, List<Api.Observation> own, Api.@Nullable Target target) {
      TreeSet<Integer> years = new TreeSet<>();
      List<Double> values = new ArrayList<>();
      own.forEach(
          o -> {
            years.add(o.year());
            values.add(o.value());
          });
      for (Api.Series series : indicator.comparison()) {
        series.observations().stream()
            .filter(Api.Observation::annual)
            .forEach(
                o -> {
                  years.add(o.year());
                  values.add(o.value());
                });
      }
      if (target != null) {
        years.add(target.targetYear());
        target.progress().targetPath().forEach(p -> values.add(p.value()));
        if (target.progress().projectedValue() != null) {
          values.add(target.progress().projectedValue());
        }
        if (target.value() != null && !target.kind().equals("GROWTH_RATE")) {
          values.add(target.value());
        }
      }
      int firstYear = years.first();
      int lastYear = Math.max(years.last(), firstYear + 1);
      double max = values.stream().mapToDouble(Double::doubleValue).max().orElse(1);
      double min = Math.min(0, values.stream().mapToDouble(Double::doubleValue).min().orElse(0));
      double top = max == min ? max + 1 : max + (max - min) * 0.08;
      return new Scale(firstYear, lastYear, min, top);
    }

    double x(int year) {
      return LEFT + (WIDTH - LEFT - RIGHT) * (year - firstYear) / (double) (lastYear - firstYear);
    }

    double y(double value) {
      return TOP + (HEIGHT - TOP - BOTTOM) * (top - value) / (top - min);
    }

    List<Chart.Tick> xTicks() {
      List<Chart.Tick> xTicks = new ArrayList<>();
      for (int year = firstYear; year <= lastYear; year++) {
        xTicks.add(new Chart.Tick(x(year), Integer.toString(year)));
      }
      return xTicks;
    }

    List<Chart.Tick> yTicks() {
      List<Chart.Tick> yTicks = new ArrayList<>();
      for (int i = 0; i <= 4; i++) {
        double value = min + (top - min) * i / 4;
        yTicks.add(new Chart.Tick(y(value), Format.number(value)));
      }
      return yTicks;
    }
  }

  /** The indicator's own series, then each comparison that has whole years. */
  private static List<Chart.Line> seriesLines(
      Api.Indicator indicator,
      List<Api.Observation> own,
      String place,
      IntToDoubleFunction x,
      DoubleUnaryOperator y,
      Messages t) {
    List<Chart.Line> lines = new ArrayList<>();
    // Every line says where its values come from: DEMO beside official lines must be told apart.
    lines.add(
        new Chart.Line(t.series(place, Api.provenances(own)), points(own, x, y), "series own"));
    int index = 0;
    for (Api.Series series : indicator.comparison()) {
      List<Api.Observation> annual =
          series.observations().stream().filter(Api.Observation::annual).toList();
      if (!annual.isEmpty()) {
        lines.add(
            new Chart.Line(
                t.series(series.geography().name(), Api.provenances(annual)),
                points(annual, x, y),
                "series comparison c" + (index++ % 3)));
      }
    }
    return lines;
  }

  private static List<Chart.Dot> dots(
      List<Api.Observation> own, IntToDoubleFunction x, DoubleUnaryOperator y) {
    List<Chart.Dot> dots = new ArrayList<>();
    for (Api.Observation o : own) {
      dots.add(
          new Chart.Dot(
              x.applyAsDouble(o.year()),
              y.applyAsDouble(o.value()),
              o.provenance().equals("DEMO"),
              o.period() + ": " + Format.number(o.value())));
    }
    return dots;
  }

  /** A level target as a horizontal line across the chart (none for a growth rate). */
  private static Chart.@Nullable Line targetLine(Api.Target target, Scale scale, Messages t) {
    if (target.value() == null || target.kind().equals("GROWTH_RATE")) {
      return null;
    }
    double ty = scale.y(target.value());
    return new Chart.Line(
        t.get("target") + " " + Format.number(target.value()),
        Format.coordinate(scale.x(scale.firstYear()))
            + ","
            + Format.coordinate(ty)
            + " "
            + Format.coordinate(scale.x(scale.lastYear()))
            + ","
            + Format.coordinate(ty),
        "target");
  }

  private static Chart.@Nullable Line pathLine(
      Api.Target target, IntToDoubleFunction x, DoubleUnaryOperator y, Messages t) {
    List<Api.PathPoint> points = target.progress().targetPath();
    if (points.isEmpty()) {
      return null;
    }
    StringBuilder line = new StringBuilder();
    points.forEach(
        p ->
            line.append(line.isEmpty() ? "" : " ")
                .append(Format.coordinate(x.applyAsDouble(p.year())))
                .append(',')
                .append(Format.coordinate(y.applyAsDouble(p.value()))));
    return new Chart.Line(derived(t.get("path"), target, t), line.toString(), "path");
  }

  private static Chart.@Nullable Line projectionLine(
      Api.Target target,
      List<Api.Observation> own,
      IntToDoubleFunction x,
      DoubleUnaryOperator y,
      Messages t) {
    Api.Observation last = own.get(own.size() - 1);
    Double projected = target.progress().projectedValue();
    if (projected != null && last.year() < target.targetYear()) {
      return new Chart.Line(
          derived(t.get("projection"), target, t),
          Format.coordinate(x.applyAsDouble(last.year()))
              + ","
              + Format.coordinate(y.applyAsDouble(last.value()))
              + " "
              + Format.coordinate(x.applyAsDouble(target.targetYear()))
              + ","
              + Format.coordinate(y.applyAsDouble(projected)),
          "projection");
    }
    return null;
  }

  /**
   * What the chart shows, for screen readers: the target's summary (which the API labels when it is
   * written from DEMO values) or the definition, then every line with its provenance.
   */
  private static String description(Api.Indicator indicator, List<Chart.Line> lines, Messages t) {
    String about =
        indicator.targets().isEmpty()
            ? indicator.definition()
            : indicator.targets().get(0).progress().summary();
    return about
        + " "
        + t.enumeration("chart.lines", lines.stream().map(Chart.Line::label).toList());
  }

  /** A line computed from the target's progress, labelled when that was worked out from DEMO. */
  private static String derived(String label, Api.Target target, Messages t) {
    return target.progress().provenance().equals("DEMO") ? t.series(label, Set.of("DEMO")) : label;
  }

  private static String points(
      List<Api.Observation> observations, IntToDoubleFunction x, DoubleUnaryOperator y) {
    StringBuilder points = new StringBuilder();
    for (Api.Observation o : observations) {
      points
          .append(points.isEmpty() ? "" : " ")
          .append(Format.coordinate(x.applyAsDouble(o.year())))
          .append(',')
          .append(Format.coordinate(y.applyAsDouble(o.value())));
    }
    return points.toString();
  }

  /** A small line of the plan geography's whole years, for the home page cards. */
  static String sparkline(Api.Indicator indicator, int width, int height) {
    List<Api.Observation> own =
        indicator.observations().nodes().stream().filter(Api.Observation::annual).toList();
    if (own.size() < 2) {
      return "";
    }
    double max = own.stream().mapToDouble(Api.Observation::value).max().orElse(1);
    double min = own.stream().mapToDouble(Api.Observation::value).min().orElse(0);
    int first = own.get(0).year();
    int last = own.get(own.size() - 1).year();
    StringBuilder points = new StringBuilder();
    for (Api.Observation o : own) {
      double px = 2 + (width - 4) * (o.year() - first) / (double) Math.max(1, last - first);
      double py = max == min ? height / 2.0 : 2 + (height - 4) * (max - o.value()) / (max - min);
      points
          .append(points.isEmpty() ? "" : " ")
          .append(Format.coordinate(px))
          .append(',')
          .append(Format.coordinate(py));
    }
    return points.toString();
  }
}
