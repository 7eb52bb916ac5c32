package cn.qingtian.portal.dataset;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The result of validating a data package: every problem found, or the valid package. */
public record Validation(List<Problem> problems, @Nullable ValidatedPackage validPackage) {

  public boolean isValid() {
    return problems.isEmpty() && validPackage != null;
  }

  public Optional<ValidatedPackage> valid() {
    return isValid() ? Optional.ofNullable(validPackage) : Optional.empty();
  }
}
