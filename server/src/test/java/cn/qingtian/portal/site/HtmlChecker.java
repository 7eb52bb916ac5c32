package cn.qingtian.portal.site;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nu.validator.validation.SimpleDocumentValidator;
import nu.validator.xml.SystemErrErrorHandler;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

/** The Nu HTML Checker (the W3C's HTML validator) run in-process: its errors for a page. */
final class HtmlChecker {

  private static final String SCHEMA = "http://s.validator.nu/html5-all.rnc";

  private HtmlChecker() {}

  /** One checker per thread: setting up the schema is the slow part. */
  private static final ThreadLocal<Checker> CHECKERS = ThreadLocal.withInitial(Checker::new);

  static List<String> errors(Path page) throws Exception {
    return CHECKERS.get().check(page);
  }

  private static final class Checker {

    private final List<String> errors = new ArrayList<>();
    private final SimpleDocumentValidator validator;

    Checker() {
      ErrorHandler collect =
          new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {}

            @Override
            public void error(SAXParseException e) {
              errors.add(e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) {
              error(e);
            }
          };
      try {
        validator = new SimpleDocumentValidator(true, false, true);
        validator.setUpMainSchema(SCHEMA, new SystemErrErrorHandler());
        validator.setUpValidatorAndParsers(collect, false, false);
      } catch (Exception e) {
        throw new IllegalStateException("cannot set up the HTML checker", e);
      }
    }

    List<String> check(Path page) throws Exception {
      errors.clear();
      try (InputStream in = Files.newInputStream(page)) {
        InputSource source = new InputSource(in);
        source.setEncoding("UTF-8");
        validator.checkHtmlInputSource(source);
      }
      return List.copyOf(errors);
    }
  }
}
