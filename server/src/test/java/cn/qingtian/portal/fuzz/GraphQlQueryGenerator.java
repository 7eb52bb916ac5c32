package cn.qingtian.portal.fuzz;

import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLInterfaceType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.GraphQLUnionType;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.springframework.core.io.ClassPathResource;

/**
 * Random GraphQL requests made from the portal's own schema ({@code schema.graphqls} read with
 * graphql-java's {@link SchemaParser}): selections of real fields with arguments that are sometimes
 * right and often not (wrong types, huge and negative numbers, overlong strings, unknown enum
 * values), deep nesting, many aliases, fragment cycles, unknown directives, variables of the wrong
 * type and operation names that match nothing. Every request is a JSON body for {@code POST
 * /graphql}. The same seed gives the same requests.
 */
final class GraphQlQueryGenerator {

  private static final String[] CODES = {
    "P13",
    "P1",
    "G1",
    "S1",
    "TG1",
    "TG7",
    "HRSS",
    "GDP",
    "A0",
    "A7",
    "SEC1",
    "qt-kzt-2021-2025",
    "T01",
    "1.1.0",
    "latest",
    "observations",
    "charity-grants",
    "",
    " ",
    "null",
    "'; drop table x;--",
    "../../etc/passwd",
    "%00",
    "<script>alert(1)</script>",
    "青田",
    "华侨",
    "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
    "\u202e",
    "\\u0000"
  };
  private static final long[] INTS = {
    0,
    1,
    2,
    5,
    10,
    99,
    100,
    101,
    1000,
    -1,
    -100,
    Integer.MAX_VALUE,
    Integer.MIN_VALUE,
    Integer.MAX_VALUE + 1L,
    Long.MAX_VALUE
  };

  private final GraphQLSchema schema;
  private final Random random;
  private int aliasCounter;

  GraphQlQueryGenerator(GraphQLSchema schema, Random random) {
    this.schema = schema;
    this.random = random;
  }

  /** The portal's schema as the API publishes it, without any code behind it. */
  static GraphQLSchema portalSchema() {
    try (Reader reader =
        new InputStreamReader(
            new ClassPathResource("graphql/schema.graphqls").getInputStream(),
            StandardCharsets.UTF_8)) {
      return UnExecutableSchemaGenerator.makeUnExecutableSchema(new SchemaParser().parse(reader));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One request body: a JSON object with query, and sometimes variables and operationName. */
  String nextBody() {
    int kind = random.nextInt(100);
    if (kind < 35) {
      return body(selectionQuery(false), null, null);
    }
    if (kind < 50) {
      return body(selectionQuery(true), null, null);
    }
    if (kind < 55) {
      return body(deepQuery(), null, null);
    }
    if (kind < 59) {
      return body(manyAliases(), null, null);
    }
    if (kind < 63) {
      return body(fragmentCycle(), null, null);
    }
    if (kind < 70) {
      return body(withDirectives(), null, null);
    }
    if (kind < 80) {
      return variablesOfWrongType();
    }
    if (kind < 87) {
      return operationNames();
    }
    if (kind < 92) {
      return body(introspection(), null, null);
    }
    if (kind < 95) {
      return body("subscription { achievementPublished { id title } }", null, null);
    }
    return body(manyFragments(), null, null);
  }

  /** A random selection from the query root; with {@code wrong}, arguments of the wrong kind. */
  String selectionQuery(boolean wrong) {
    StringBuilder out = new StringBuilder(random.nextBoolean() ? "query Q " : "");
    selection(out, schema.getQueryType(), 1, 2 + random.nextInt(5), wrong);
    return out.toString();
  }

  private void selection(
      StringBuilder out, GraphQLType type, int depth, int maxDepth, boolean wrong) {
    GraphQLNamedType named = (GraphQLNamedType) GraphQLTypeUtil.unwrapAll(type);
    out.append(" {");
    if (named instanceof GraphQLUnionType union) {
      out.append(" __typename");
      for (graphql.schema.GraphQLNamedOutputType member : union.getTypes()) {
        if (random.nextInt(3) == 0) {
          out.append(" ... on ").append(member.getName());
          selection(out, member, depth + 1, maxDepth, wrong);
        }
      }
      out.append(" }");
      return;
    }
    GraphQLFieldsContainer container = (GraphQLFieldsContainer) named;
    List<GraphQLFieldDefinition> fields = container.getFieldDefinitions();
    int count = 1 + random.nextInt(Math.min(5, fields.size()));
    for (int i = 0; i < count; i++) {
      field(out, fields.get(random.nextInt(fields.size())), depth, maxDepth, wrong);
    }
    if (named instanceof GraphQLInterfaceType face && random.nextBoolean()) {
      List<GraphQLObjectType> implementations = schema.getImplementations(face);
      if (!implementations.isEmpty()) {
        GraphQLObjectType impl = implementations.get(random.nextInt(implementations.size()));
        out.append(" ... on ").append(impl.getName());
        selection(out, impl, depth + 1, maxDepth, wrong);
      }
    }
    if (random.nextInt(20) == 0) {
      out.append(" notAField").append(random.nextInt(100));
    }
    out.append(" }");
  }

  private void field(
      StringBuilder out, GraphQLFieldDefinition field, int depth, int maxDepth, boolean wrong) {
    out.append(' ');
    if (random.nextInt(4) == 0) {
      out.append("a").append(aliasCounter++).append(": ");
    }
    out.append(field.getName());
    List<String> args = new ArrayList<>();
    for (GraphQLArgument argument : field.getArguments()) {
      boolean required = GraphQLTypeUtil.isNonNull(argument.getType());
      if (required ? random.nextInt(15) != 0 : random.nextInt(3) == 0) {
        args.add(argument.getName() + ": " + value(argument.getType(), wrong, 0));
      }
    }
    if (wrong && random.nextInt(6) == 0) {
      args.add("unknownArgument: " + random.nextInt());
    }
    if (!args.isEmpty()) {
      out.append('(').append(String.join(", ", args)).append(')');
    }
    GraphQLType unwrapped = GraphQLTypeUtil.unwrapAll(field.getType());
    boolean composite =
        !(unwrapped instanceof GraphQLScalarType || unwrapped instanceof GraphQLEnumType);
    if (composite) {
      if (depth >= maxDepth) {
        out.append(" { __typename }");
      } else {
        selection(out, unwrapped, depth + 1, maxDepth, wrong);
      }
    } else if (random.nextInt(40) == 0) {
      out.append(" { oops }");
    }
  }

  /** A literal for an input type: usually of its kind, with {@code wrong} often not. */
  String value(GraphQLInputType type, boolean wrong, int depth) {
    if (wrong && random.nextInt(3) == 0) {
      return anyLiteral(depth);
    }
    if (type instanceof GraphQLNonNull nonNull) {
      return value((GraphQLInputType) nonNull.getWrappedType(), wrong, depth);
    }
    if (type instanceof GraphQLList list) {
      int n = random.nextInt(4);
      List<String> items = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        items.add(value((GraphQLInputType) list.getWrappedType(), wrong, depth + 1));
      }
      return "[" + String.join(", ", items) + "]";
    }
    if (type instanceof GraphQLEnumType enumType) {
      if (wrong && random.nextBoolean()) {
        return "NOT_A_VALUE_" + random.nextInt(10);
      }
      var values = enumType.getValues();
      return values.get(random.nextInt(values.size())).getName();
    }
    if (type instanceof GraphQLInputObjectType input) {
      List<String> fields = new ArrayList<>();
      for (GraphQLInputObjectField f : input.getFieldDefinitions()) {
        if (random.nextBoolean() && depth < 4) {
          fields.add(f.getName() + ": " + value(f.getType(), wrong, depth + 1));
        }
      }
      return "{" + String.join(", ", fields) + "}";
    }
    String name = ((GraphQLScalarType) type).getName();
    return switch (name) {
      case "Int" -> Long.toString(wrong ? INTS[random.nextInt(INTS.length)] : random.nextInt(101));
      case "Float" -> random.nextBoolean() ? "1.5e308" : Double.toString(random.nextGaussian());
      case "Boolean" -> Boolean.toString(random.nextBoolean());
      case "ID" -> quote(randomId());
      default -> quote(wrong ? wildString() : CODES[random.nextInt(12)]);
    };
  }

  private String anyLiteral(int depth) {
    return switch (random.nextInt(depth > 2 ? 7 : 9)) {
      case 0 -> Long.toString(INTS[random.nextInt(INTS.length)]);
      case 1 -> "99999999999999999999999999999";
      case 2 -> "-0.0000001e-400";
      case 3 -> quote(wildString());
      case 4 -> "true";
      case 5 -> "null";
      case 6 -> "SOME_ENUM";
      case 7 -> "[" + anyLiteral(depth + 1) + ", " + anyLiteral(depth + 1) + "]";
      default -> "{x: " + anyLiteral(depth + 1) + "}";
    };
  }

  private String randomId() {
    return switch (random.nextInt(5)) {
      case 0 -> "TWVhc3VyZTpQMTM=";
      case 1 ->
          java.util.Base64.getEncoder()
              .encodeToString(wildString().getBytes(StandardCharsets.UTF_8));
      case 2 -> "Household:HH00001";
      case 3 -> wildString();
      default ->
          java.util.Base64.getEncoder()
              .encodeToString(
                  ("Measure:" + CODES[random.nextInt(CODES.length)])
                      .getBytes(StandardCharsets.UTF_8));
    };
  }

  String wildString() {
    return switch (random.nextInt(6)) {
      case 0 -> "x".repeat(1 + random.nextInt(20_000));
      case 1 -> CODES[random.nextInt(CODES.length)];
      case 2 ->
          new String(Character.toChars(0x1F600 + random.nextInt(50)))
              .repeat(1 + random.nextInt(500));
      case 3 -> "\uD800"; // a lone surrogate
      case 4 -> "\"\\\n\t\u0001";
      default -> Integer.toString(random.nextInt());
    };
  }

  /** Nests connections far beyond the depth limit. */
  String deepQuery() {
    int depth = 10 + random.nextInt(40);
    StringBuilder open = new StringBuilder("{ measures(first: 100) { nodes {");
    StringBuilder close = new StringBuilder("} }");
    for (int i = 0; i < depth; i++) {
      if (i % 2 == 0) {
        open.append(" indicators(first: 100) { nodes {");
      } else {
        open.append(" measures(first: 100) { nodes {");
      }
      close.append("} }");
    }
    return open + " code " + close + " }";
  }

  String manyAliases() {
    int n = 100 + random.nextInt(5_000);
    StringBuilder out = new StringBuilder("{");
    for (int i = 0; i < n; i++) {
      out.append(" a")
          .append(i)
          .append(random.nextBoolean() ? ": currentRelease { version }" : ": __typename");
    }
    return out.append(" }").toString();
  }

  String fragmentCycle() {
    return switch (random.nextInt(3)) {
      case 0 -> "{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }";
      case 1 -> "{ ...A } fragment A on Query { currentRelease { version } ...A }";
      default -> "query { ...Missing } fragment A on Nope { x }";
    };
  }

  /** Fragments that each spread the previous one several times: a billion-laughs shape. */
  String manyFragments() {
    int levels = 5 + random.nextInt(20);
    StringBuilder out = new StringBuilder("{ ...F" + levels + " }");
    out.append(" fragment F0 on Query { currentRelease { version } }");
    for (int i = 1; i <= levels; i++) {
      out.append(" fragment F").append(i).append(" on Query { ");
      for (int j = 0; j < 4; j++) {
        out.append("a")
            .append(j)
            .append(": currentRelease { version } ...F")
            .append(i - 1)
            .append(' ');
      }
      out.append('}');
    }
    return out.toString();
  }

  String withDirectives() {
    String directive =
        switch (random.nextInt(7)) {
          case 0 -> "@include(if: true)";
          case 1 -> "@skip(if: \"yes\")";
          case 2 -> "@unknownDirective";
          case 3 -> "@include";
          case 4 -> "@deprecated(reason: \"x\")";
          case 5 -> "@skip(if: false) @skip(if: true) @skip(if: false)";
          default -> "@include(if: $undefined)";
        };
    return "{ currentRelease "
        + directive
        + " { version number } measures(first: 3) "
        + directive
        + " { nodes { code } } }";
  }

  String variablesOfWrongType() {
    String query =
        "query Q($first: Int, $code: String!, $kind: MeasureKind, $ids: [ID!]!) {"
            + " measures(first: $first, kind: $kind) { nodes { code } }"
            + " measure(code: $code) { code } nodes(ids: $ids) { id } }";
    String variables =
        switch (random.nextInt(9)) {
          case 0 -> "{\"first\": \"ten\", \"code\": 5, \"ids\": \"x\"}";
          case 1 -> "{\"first\": 1e40, \"code\": null, \"ids\": []}";
          case 2 -> "{\"first\": -5, \"code\": \"P13\", \"kind\": \"NOPE\", \"ids\": [1, 2]}";
          case 3 -> "[1, 2, 3]";
          case 4 -> "\"variables\"";
          case 5 -> "{\"first\": {\"a\": 1}, \"code\": [\"P13\"], \"ids\": [null]}";
          case 6 -> "{}";
          case 7 -> "{\"first\": 3, \"code\": \"P13\", \"ids\": " + manyIds() + "}";
          default ->
              "{\"first\": 99999999999999999999999, \"code\": \""
                  + "y".repeat(5000)
                  + "\", \"ids\": [\"a\"]}";
        };
    return "{\"query\":" + json(query) + ",\"variables\":" + variables + "}";
  }

  private String manyIds() {
    StringBuilder out = new StringBuilder("[");
    int n = 50 + random.nextInt(2_000);
    for (int i = 0; i < n; i++) {
      out.append(i == 0 ? "" : ",").append("\"TWVhc3VyZTpQMTM=\"");
    }
    return out.append(']').toString();
  }

  String operationNames() {
    String query =
        "query A { currentRelease { version } } query B { plans(first: 1) { nodes { code } } }"
            + (random.nextBoolean() ? " mutation C { x }" : "");
    String name =
        switch (random.nextInt(5)) {
          case 0 -> null;
          case 1 -> "Z";
          case 2 -> "";
          case 3 -> "C";
          default -> "A";
        };
    return body(query, null, name);
  }

  String introspection() {
    return switch (random.nextInt(3)) {
      case 0 ->
          "{ __schema { types { name fields { name type { name ofType { name ofType { name"
              + " ofType { name ofType { name ofType { name ofType { name } } } } } } } } } }";
      case 1 ->
          "{ __schema { types { fields { type { fields { type { fields { type { fields { name"
              + " } } } } } } } } } }";
      default -> "{ __type(name: \"" + wildString().replace("\"", "") + "\") { name kind } }";
    };
  }

  static String body(String query, String variables, String operationName) {
    StringBuilder out = new StringBuilder("{\"query\":").append(json(query));
    if (variables != null) {
      out.append(",\"variables\":").append(variables);
    }
    if (operationName != null) {
      out.append(",\"operationName\":").append(json(operationName));
    }
    return out.append('}').toString();
  }

  /** A GraphQL string literal. */
  static String quote(String s) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  /** A JSON string (a lone surrogate stays as an escape, which JSON allows). */
  static String json(String s) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20 || Character.isSurrogate(c)) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }
}
