package cn.qingtian.portal.charity;

import cn.qingtian.portal.api.LocalizedText;
import cn.qingtian.portal.indicator.Provenance;
import org.jspecify.annotations.Nullable;

/**
 * A grant from a charity of the registry to another organization, with the fields 360Giving
 * publishes. The recipient is always an organization: no person is ever a recipient here.
 */
public record CharityGrant(
    String id,
    String funderCode,
    String recipientId,
    LocalizedText recipientNameText,
    @Nullable String recipientCharityCode,
    LocalizedText titleText,
    LocalizedText descriptionText,
    double amount,
    String currency,
    String awardDate,
    @Nullable String field,
    Provenance provenance,
    String sourceCode) {}
