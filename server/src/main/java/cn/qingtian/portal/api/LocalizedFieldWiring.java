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
    return environment -> {
      Object source = environment.getSource();
      if (source == null) {
        return null;
      }
      Lang lang = Lang.of(environment.getArgument("lang"));
      Method direct = method(source.getClass(), field, Lang.class);
      if (direct != null) {
        return invoke(direct, source, lang);
      }
      Method text = method(source.getClass(), field + "Text");
      if (text == null) {
        throw new IllegalStateException(
            source.getClass().getSimpleName()
                + " has neither "
                + field
                + "(Lang) nor "
                + field
                + "Text()");
      }
      Object value = invoke(text, source);
      if (value instanceof LocalizedText localized) {
        return localized.text(lang);
      }
      if (value instanceof List<?> list) {
        return list.stream().map(item -> ((LocalizedText) item).text(lang)).toList();
      }
      return null;
    };
  }

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
