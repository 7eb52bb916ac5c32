package cn.qingtian.site;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * The example questions for newsrooms, each with its GraphQL query, as the API page shows them and
 * docs/api.md ("For newsrooms") repeats them: read from {@code newsroom/questions.txt}.
 */
public final class Newsroom {

  static final String RESOURCE = "/newsroom/questions.txt";
  private static final String START = "## ";
  private static final String EXAMPLE = "release";
  private static final Pattern HAN = Pattern.compile("[\\p{IsHan}“”、，。：；？（）]+");
  private static final List<String> FIELDS = List.of("zh", "en", "answer.zh", "answer.en");
  private static final List<Question> QUESTIONS = parse(read());
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private Newsroom() {}

  /**
   * One question.
   *
   * @param id its anchor on the API page
   * @param answerZh what the answer tells, in Chinese; text between backticks is code
   * @param query the GraphQL document that answers it
   */
  public record Question(
      String id, String zh, String en, String answerZh, String answerEn, String query) {

    /** The question in the page's language. */
    public List<Span> question(String lang) {
      return Span.of(lang.equals("en") ? en : zh, lang);
    }

    /** What the answer tells, in the page's language. */
    public List<Span> answer(String lang) {
      return Span.of(lang.equals("en") ? answerEn : answerZh, lang);
    }

    /** The query on one line, for a shell command. */
    public String oneLine() {
      return query.replaceAll("\\s+", " ");
    }

    /** The request body that sends it over POST. */
    public String json() {
      return JSON.writeValueAsString(Map.of("query", oneLine()));
    }
  }

  /**
   * A run of text: code (written between backticks), or Chinese quoted in English text (which the
   * page marks with its language), or plain text.
   *
   * @param lang the language of the run when it differs from the page's, else null
   */
  public record Span(String text, boolean code, @Nullable String lang) {

    static List<Span> of(String text, String pageLang) {
      List<Span> spans = new ArrayList<>();
      String[] parts = text.split("`", -1);
      for (int i = 0; i < parts.length; i++) {
        if (i % 2 == 1) {
          spans.add(new Span(parts[i], true, null));
        } else if (pageLang.equals("en")) {
          spans.addAll(chineseRuns(parts[i]));
        } else if (!parts[i].isEmpty()) {
          spans.add(new Span(parts[i], false, null));
        }
      }
      return spans;
    }

    private static List<Span> chineseRuns(String text) {
      List<Span> spans = new ArrayList<>();
      Matcher run = HAN.matcher(text);
      int end = 0;
      while (run.find()) {
        if (run.start() > end) {
          spans.add(new Span(text.substring(end, run.start()), false, null));
        }
        spans.add(new Span(run.group(), false, "zh-CN"));
        end = run.end();
      }
      if (end < text.length()) {
        spans.add(new Span(text.substring(end), false, null));
      }
      return spans;
    }
  }

  /** The question the calling examples send: short, and with nothing to quote in a shell. */
  public static Question example() {
    return QUESTIONS.stream()
        .filter(q -> q.id().equals(EXAMPLE))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException(RESOURCE + " has no question " + EXAMPLE));
  }

  /** The questions in the order the page and the documentation give them. */
  public static List<Question> questions() {
    return QUESTIONS;
  }

  static List<Question> parse(String text) {
    List<Question> questions = new ArrayList<>();
    String[] blocks = ("\n" + text).split("\n" + START);
    for (int b = 1; b < blocks.length; b++) {
      questions.add(question(blocks[b]));
    }
    return List.copyOf(questions);
  }

  private static Question question(String block) {
    List<String> lines = block.lines().toList();
    String id = lines.get(0).strip();
    Map<String, String> fields = new LinkedHashMap<>();
    for (int f = 0; f < FIELDS.size(); f++) {
      String prefix = FIELDS.get(f) + ":";
      String line = f + 1 < lines.size() ? lines.get(f + 1) : "";
      if (!line.startsWith(prefix) || line.substring(prefix.length()).isBlank()) {
        throw new IllegalStateException(
            RESOURCE + ": question " + id + " needs a line \"" + prefix + " …\"");
      }
      fields.put(FIELDS.get(f), line.substring(prefix.length()).strip());
    }
    String query = String.join("\n", lines.subList(FIELDS.size() + 1, lines.size())).strip();
    if (query.isEmpty()) {
      throw new IllegalStateException(RESOURCE + ": question " + id + " has no query");
    }
    return new Question(
        id,
        fields.get("zh"),
        fields.get("en"),
        fields.get("answer.zh"),
        fields.get("answer.en"),
        query);
  }

  private static String read() {
    try (InputStream in = Newsroom.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing " + RESOURCE);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
