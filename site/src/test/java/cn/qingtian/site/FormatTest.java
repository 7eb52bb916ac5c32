package cn.qingtian.site;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FormatTest {

  @Test
  void fileSizesAreInBinaryUnitsWithOneDecimal() {
    assertThat(Format.bytes(0)).isEqualTo("0 B");
    assertThat(Format.bytes(1023)).isEqualTo("1023 B");
    assertThat(Format.bytes(1024)).isEqualTo("1.0 KB");
    assertThat(Format.bytes(43_827)).isEqualTo("42.8 KB");
    assertThat(Format.bytes(1024 * 1024 - 1)).isEqualTo("1.0 MB");
    assertThat(Format.bytes(1_572_864)).isEqualTo("1.5 MB");
    assertThat(Format.bytes(3.5 * 1024 * 1024 * 1024)).isEqualTo("3.5 GB");
  }

  @Test
  void pathSegmentsKeepVersionsAndFileNamesAndEncodeTheRest() {
    assertThat(Format.pathSegment("1.5.0+demo.1.3.0")).isEqualTo("1.5.0+demo.1.3.0");
    assertThat(Format.pathSegment("charity-grants.360giving.json"))
        .isEqualTo("charity-grants.360giving.json");
    assertThat(Format.pathSegment("a b/c?d#e")).isEqualTo("a%20b%2Fc%3Fd%23e");
    assertThat(Format.pathSegment("数据")).isEqualTo("%E6%95%B0%E6%8D%AE");
    assertThat(Format.pathSegment("..")).isEqualTo("%2E%2E");
  }
}
