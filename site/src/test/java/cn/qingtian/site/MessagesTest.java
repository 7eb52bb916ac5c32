package cn.qingtian.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MessagesTest {

  @Test
  void everyMessageHasItsChineseAndItsEnglish() throws IOException {
    Set<Object> chinese = read("messages.properties").keySet();
    Set<Object> english = read("messages_en.properties").keySet();
    assertThat(chinese).hasSizeGreaterThan(200);
    assertThat(english).isEqualTo(chinese);
  }

  @Test
  void aPageReadsTheBundleOfItsLanguageAsUtf8WithItsSpaces() {
    assertThat(Messages.of("zh").get("nav.home")).isEqualTo("进展总览");
    assertThat(Messages.of("en").get("nav.home")).isEqualTo("Progress");
    assertThat(Messages.of("en").get("demo.label")).isEqualTo("DEMO data (synthetic): ");
    assertThat(Messages.of("en").get("comparator.GE")).isEqualTo("at least ");
    assertThat(Messages.of("zh").get("comparator.EQ")).isEmpty();
    assertThat(Messages.of("zh").get("share.alt")).isEqualTo("青田县“扩中”“提低”进展门户 2021–2025");
  }

  @Test
  void anUnknownKeyIsAnErrorOrItsFallbackAndNothingForJte() {
    Messages t = Messages.of("en");
    assertThatThrownBy(() -> t.get("no.such.key")).isInstanceOf(IllegalArgumentException.class);
    assertThat(t.orElse("no.such.key", "x")).isEqualTo("x");
    assertThat(t.lookup("no.such.key")).isNull();
    assertThat(t.localize("no.such.key")).isNull();
    assertThat(t.localize("skip")).isNotNull();
  }

  private static Properties read(String name) throws IOException {
    Properties properties = new Properties();
    try (InputStream in =
        Objects.requireNonNull(MessagesTest.class.getResourceAsStream(name), name)) {
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return properties;
  }
}
