package cn.qingtian.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The newsroom questions read from their resource: complete, in both languages, in order. */
class NewsroomTest {

  @Test
  void twelveQuestionsEachWithBothLanguagesAnAnswerAndAQuery() {
    List<Newsroom.Question> questions = Newsroom.questions();
    assertThat(questions).hasSize(12);
    assertThat(questions.stream().map(Newsroom.Question::id).distinct()).hasSize(12);
    for (Newsroom.Question question : questions) {
      assertThat(question.zh()).as(question.id()).isNotBlank().containsPattern("\\p{IsHan}");
      assertThat(question.en()).as(question.id()).isNotBlank().containsPattern("[A-Za-z]{3}");
      assertThat(question.answerZh()).as(question.id()).isNotBlank();
      assertThat(question.answerEn()).as(question.id()).isNotBlank();
      assertThat(question.query()).as(question.id()).endsWith("}").doesNotStartWith("answer");
    }
    assertThat(questions.get(0).query()).startsWith("query OffTrack {");
  }

  @Test
  void codeBetweenBackticksIsCodeAndChineseInEnglishTextIsMarked() {
    assertThat(Newsroom.Span.of("sort by `measures.totalCount`.", "en"))
        .containsExactly(
            new Newsroom.Span("sort by ", false, null),
            new Newsroom.Span("measures.totalCount", true, null),
            new Newsroom.Span(".", false, null));
    assertThat(Newsroom.Span.of("Search for 低收入 (low income)", "en"))
        .containsExactly(
            new Newsroom.Span("Search for ", false, null),
            new Newsroom.Span("低收入", false, "zh-CN"),
            new Newsroom.Span(" (low income)", false, null));
    assertThat(Newsroom.Span.of("检索“低收入”", "zh"))
        .containsExactly(new Newsroom.Span("检索“低收入”", false, null));
  }

  @Test
  void theExampleIsAQuestionSentAsJsonOnOneLine() {
    Newsroom.Question example = Newsroom.example();
    assertThat(Newsroom.questions()).contains(example);
    assertThat(example.oneLine()).doesNotContain("\n", "  ", "'");
    assertThat(example.json()).startsWith("{\"query\":\"{ currentRelease {").endsWith("}\"}");
    Newsroom.Question quoted =
        new Newsroom.Question("q", "问", "Q", "答", "A", "{\n  plan(code: \"x\") { title }\n}");
    assertThat(quoted.json()).isEqualTo("{\"query\":\"{ plan(code: \\\"x\\\") { title } }\"}");
  }

  @Test
  void aQuestionMissingALineIsRefusedWithItsId() {
    assertThatThrownBy(
            () -> Newsroom.parse("## broken\nzh: 问\nen: Q\nanswer.en: A\n{ plans { totalCount } }"))
        .hasMessageContaining("question broken needs a line \"answer.zh: …\"");
    assertThatThrownBy(() -> Newsroom.parse("## empty\nzh: 问\nen: Q\nanswer.zh: 答\nanswer.en: A\n"))
        .hasMessageContaining("question empty has no query");
  }
}
