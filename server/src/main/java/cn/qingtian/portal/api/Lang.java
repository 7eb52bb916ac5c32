package cn.qingtian.portal.api;

import org.jspecify.annotations.Nullable;

/** The languages of the portal: Chinese is authoritative, English an unofficial translation. */
public enum Lang {
  ZH,
  EN;

  /** Parses a GraphQL {@code Lang} argument; null means the default, Chinese. */
  public static Lang of(@Nullable Object argument) {
    return argument == null
        ? ZH
        : argument instanceof Lang lang ? lang : valueOf(argument.toString());
  }
}
