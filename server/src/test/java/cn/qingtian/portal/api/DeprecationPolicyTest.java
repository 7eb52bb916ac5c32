package cn.qingtian.portal.api;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.language.Argument;
import graphql.language.Directive;
import graphql.language.DirectivesContainer;
import graphql.language.EnumTypeDefinition;
import graphql.language.ImplementingTypeDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.NamedNode;
import graphql.language.StringValue;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The deprecation policy of docs/api.md: whatever is deprecated says why and what replaces it, in
 * Chinese and English, and is listed in the change log.
 */
class DeprecationPolicyTest {

  @Test
  void everyDeprecationInTheSchemaHasABilingualReasonAndIsInTheChangeLog() throws IOException {
    String docs = Files.readString(Path.of("..", "docs", "api.md"), StandardCharsets.UTF_8);
    assertThat(docs).contains("## Changes and deprecations", "| Date | Change |");
    String schema = Files.readString(Path.of("..", "schema.graphqls"), StandardCharsets.UTF_8);
    assertThat(violations(schema, docs)).isEmpty();
  }

  @Test
  void aDeprecationWithoutReasonOrMissingFromTheChangeLogIsCaught() {
    String schema =
        """
        type Query {
          old: Int @deprecated
          older: Int @deprecated(reason: "Use newer.")
          listed: Int @deprecated(reason: "改用 newer。Use newer.")
          newer: Int
        }
        enum Kind { A @deprecated(reason: "改用 B。Use B.") B }
        """;
    assertThat(violations(schema, "| 2026-12-01 | Deprecated `listed`, use `newer`. |"))
        .containsExactly(
            "old: no reason in Chinese and English",
            "old: not in the change log",
            "older: no reason in Chinese and English",
            "older: not in the change log",
            "A: not in the change log");
  }

  static List<String> violations(String schema, String docs) {
    TypeDefinitionRegistry types = new SchemaParser().parse(schema);
    List<NamedNode<?>> elements = new ArrayList<>();
    types
        .types()
        .values()
        .forEach(
            type -> {
              if (type instanceof ImplementingTypeDefinition<?> object) {
                object
                    .getFieldDefinitions()
                    .forEach(
                        field -> {
                          elements.add(field);
                          elements.addAll(field.getInputValueDefinitions());
                        });
              } else if (type instanceof InputObjectTypeDefinition input) {
                elements.addAll(input.getInputValueDefinitions());
              } else if (type instanceof EnumTypeDefinition enumType) {
                elements.addAll(enumType.getEnumValueDefinitions());
              }
            });
    List<String> violations = new ArrayList<>();
    for (NamedNode<?> element : elements) {
      for (Directive directive : ((DirectivesContainer<?>) element).getDirectives("deprecated")) {
        Argument reason = directive.getArgument("reason");
        String text =
            reason != null && reason.getValue() instanceof StringValue s ? s.getValue() : "";
        boolean bilingual =
            text.codePoints()
                    .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)
                && text.chars().anyMatch(c -> c >= 'a' && c <= 'z');
        if (!bilingual) {
          violations.add(element.getName() + ": no reason in Chinese and English");
        }
        if (!docs.contains("`" + element.getName() + "`")) {
          violations.add(element.getName() + ": not in the change log");
        }
      }
    }
    return violations;
  }
}
