package cn.qingtian.portal.disclosure;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the income tables are protected (docs/disclosure-control.md).
 *
 * @param epsilon empty for disclosure control, or ε as a fraction such as {@code 1/2} for the
 *     differential-privacy mode ({@code PORTAL_DISCLOSURE_EPSILON}); {@link DisclosureTables}
 *     refuses anything else
 */
@ConfigurationProperties("portal.disclosure")
public record DisclosureProperties(@DefaultValue("") String epsilon) {

  public DisclosureProperties {
    epsilon = epsilon == null ? "" : epsilon;
  }
}
