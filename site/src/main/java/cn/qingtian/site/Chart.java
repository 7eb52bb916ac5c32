package cn.qingtian.site;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An indicator chart laid out at build time as inline SVG: observations (DEMO points drawn hollow
 * and dashed), comparison series, the target line, the target path and the projection. The template
 * draws it; every label is escaped there.
 */
public record Chart(
    int width,
    int height,
    String title,
    String description,
    List<Tick> xTicks,
    List<Tick> yTicks,
    List<Line> lines,
    List<Dot> dots,
    @Nullable Line target,
    @Nullable Line path,
    @Nullable Line projection) {

  /** An axis label at a position. */
  public record Tick(double position, String label) {

    public String at() {
      return Format.coordinate(position);
    }
  }

  /** A polyline with its legend label and style. */
  public record Line(String label, String points, String css) {}

  /** One observation as a point. */
  public record Dot(double x, double y, boolean demo, String label) {

    public String cx() {
      return Format.coordinate(x);
    }

    public String cy() {
      return Format.coordinate(y);
    }
  }
}
