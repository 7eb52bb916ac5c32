package cn.qingtian.portal.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LocalizedTextTest {

  @Test
  void fallsBackToChineseAndSaysSoWhenEnglishIsMissing() {
    LocalizedText text = LocalizedText.of("青田", "  ");
    assertThat(text.text(Lang.EN)).isEqualTo("青田");
    assertThat(text.lang(Lang.EN)).isEqualTo(Lang.ZH);
    assertThat(text.unofficialTranslation()).isFalse();
  }

  @Test
  void answersInEnglishWhenTranslated() {
    LocalizedText text = LocalizedText.of("青田", "Qingtian");
    assertThat(text.text(Lang.EN)).isEqualTo("Qingtian");
    assertThat(text.lang(Lang.EN)).isEqualTo(Lang.EN);
    assertThat(text.text(Lang.ZH)).isEqualTo("青田");
  }
}
