package cn.qingtian.portal.download;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.lib.ShLib;
import org.apache.jena.sparql.graph.GraphFactory;

/**
 * The official DCAT-AP 3.0.0 SHACL shapes ({@code shapes.ttl} and {@code range.ttl}, in
 * src/test/resources/standards/dcat-ap-3.0.0/) and a validator for catalogues against them.
 */
final class DcatShapes {

  private static final String FOLDER = "/standards/dcat-ap-3.0.0/";

  private static final Shapes SHAPES = load();

  private DcatShapes() {}

  /** Validates a catalogue graph against the DCAT-AP shapes. */
  static ValidationReport validate(Graph data) {
    return ShaclValidator.get().validate(SHAPES, data);
  }

  /** The report as text, one entry per violation, for an assertion's failure message. */
  static String describe(ValidationReport report) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ShLib.printReport(out, report);
    return out.toString(StandardCharsets.UTF_8);
  }

  private static Shapes load() {
    Graph graph = GraphFactory.createDefaultGraph();
    for (String name : new String[] {"shapes.ttl", "range.ttl"}) {
      try (InputStream in = DcatShapes.class.getResourceAsStream(FOLDER + name)) {
        if (in == null) {
          throw new IllegalStateException("missing test resource " + FOLDER + name);
        }
        RDFParser.source(in).lang(Lang.TURTLE).parse(graph);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return Shapes.parse(graph);
  }
}
