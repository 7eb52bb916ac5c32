package cn.qingtian.portal.charity;

import cn.qingtian.portal.api.InvalidInputException;
import cn.qingtian.portal.messages.UserMessages;
import org.jspecify.annotations.Nullable;

/** The filters of the {@code charities} query. */
record CharityFilter(
    @Nullable String field,
    @Nullable Boolean publicFundraising,
    @Nullable String qualification,
    @Nullable String status,
    @Nullable String search) {

  static final int MAX_SEARCH = 100;

  boolean matches(Charity charity) {
    if (search != null && search.length() > MAX_SEARCH) {
      throw new InvalidInputException(UserMessages.get("charity.search.tooLong", MAX_SEARCH));
    }
    return (field == null || charity.fields().contains(field))
        && (publicFundraising == null || publicFundraising.equals(charity.publicFundraising()))
        && (qualification == null || holds(charity, qualification))
        && (status == null || status.equals(charity.status()))
        && (search == null || search.isBlank() || mentions(charity, search.strip()));
  }

  private static boolean holds(Charity charity, String qualification) {
    Boolean held =
        qualification.equals("TAX_DEDUCTIBLE")
            ? charity.taxDeductible()
            : charity.publicFundraising();
    return Boolean.TRUE.equals(held);
  }

  private static boolean mentions(Charity charity, String text) {
    String lower = text.toLowerCase(java.util.Locale.ROOT);
    return charity.nameText().zh().contains(text)
        || charity.nameText().en() != null
            && charity.nameText().en().toLowerCase(java.util.Locale.ROOT).contains(lower);
  }
}
