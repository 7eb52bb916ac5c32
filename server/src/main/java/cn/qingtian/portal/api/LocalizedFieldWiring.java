package cn.qingtian.portal.api;

import graphql.schema.DataFetcher;
import graphql.schema.idl.FieldWiringEnvironment;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.WiringFactory;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Component;

/**
 * The bilingual-text convention of the schema in one place: a field {@code name(lang: Lang)} is
 * answered from the source's method {@code name(Lang)} if it has one, else from {@code nameText()}
 * (a {@link LocalizedText} or a list of them) in the language asked for.
 */
@Component
class LocalizedFieldWiring implements RuntimeWiringConfigurer {

  @Override
  public void configure(RuntimeWiring.Builder builder) {}

  @Override
  public void configure(RuntimeWiring.Builder builder, List<WiringFactory> container) {
    container.add(
        new WiringFactory() {
          @Override
          public boolean providesDataFetcher(FieldWiringEnvironment environment) {
            return hasLangArgument(environment);
          }

          @Override
          public DataFetcher<?> getDataFetcher(FieldWiringEnvironment environment) {
            return localized(environment.getFieldDefinition().getName());
          }
        });
  }

  private static boolean hasLangArgument(FieldWiringEnvironment environment) {
    var inputs = environment.getFieldDefinition().getInputValueDefinitions();
    return inputs.size() == 1 && inputs.get(0).getName().equals("lang");
  }

  private static DataFetcher<Object> localized(String field) {
    ClassValue<Accessor> accessors =
        new ClassValue<>() {
          @Override
          protected Accessor computeValue(Class<?> type) {
            Method direct = method(type, field, Lang.class);
            Method text = direct == null ? method(type, field + "Text") : null;
            if (direct == null && text == null) {
              throw new IllegalStateException(
                  type.getSimpleName()
                      + " has neither "
                      + field
                      + "(Lang) nor "
                      + field
                      + "Text()");
            }
            return new Accessor(direct, text);
          }
        };
    return environment -> {
      Object source = environment.getSource();
      if (source == null) {
        return null;
      }
      Lang lang = Lang.of(environment.getArgument("lang"));
      Accessor accessor = accessors.get(source.getClass());
      if (accessor.direct() != null) {
        return invoke(accessor.direct(), source, lang);
      }
      Object value = invoke(accessor.text(), source);
      if (value instanceof LocalizedText localized) {
        return localized.text(lang);
      }
      if (value instanceof List<?> list) {
        return list.stream().map(item -> ((LocalizedText) item).text(lang)).toList();
      }
      return null;
    };
  }

  /** How a source type answers the field: {@code field(Lang)}, or else {@code fieldText()}. */
  private record Accessor(@Nullable Method direct, @Nullable Method text) {}

  private static @Nullable Method method(Class<?> type, String name, Class<?>... parameters) {
    try {
      return type.getMethod(name, parameters);
    } catch (NoSuchMethodException e) {
      return null;
    }
  }

  private static @Nullable Object invoke(Method method, Object target, Object... arguments) {
    try {
      return method.invoke(target, arguments);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read " + method, e);
    }
  }
}
