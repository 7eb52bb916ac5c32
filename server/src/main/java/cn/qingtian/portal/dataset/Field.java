package cn.qingtian.portal.dataset;

import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** A Table Schema field with the constraints the portal checks. */
public record Field(
    String name,
    FieldType type,
    boolean required,
    boolean unique,
    @Nullable List<String> enumValues,
    @Nullable Pattern pattern,
    @Nullable BigDecimal minimum,
    @Nullable BigDecimal maximum,
    @Nullable Integer maxLength) {}
