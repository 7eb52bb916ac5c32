package cn.qingtian.portal.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.InputStream;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** The bundled package's descriptor conforms to the official Frictionless v2 profiles. */
class FrictionlessProfileTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void theDescriptorIsAValidDataPackage() throws Exception {
    JsonNode descriptor = descriptor();
    assertThat(profile("datapackage.json").validate(descriptor)).isEmpty();
  }

  @Test
  void everyResourceSchemaIsAValidTableSchema() throws Exception {
    JsonSchema tableSchema = profile("tableschema.json");
    for (JsonNode resource : descriptor().path("resources")) {
      assertThat(tableSchema.validate(resource.path("schema")))
          .as(resource.path("name").asText())
          .isEmpty();
    }
  }

  private static JsonNode descriptor() throws Exception {
    return JSON.readTree(Files.readString(PackageFixture.BUNDLED.resolve("datapackage.json")));
  }

  private static JsonSchema profile(String name) throws Exception {
    try (InputStream in =
        FrictionlessProfileTest.class.getResourceAsStream("/standards/frictionless/" + name)) {
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(JSON.readTree(in));
    }
  }
}
