package cn.qingtian.portal.dataset;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The bundled data package that {@code serve} imports at start-up.
 *
 * @param directory the package folder ({@code PORTAL_DATASETS_DIRECTORY}); when empty, {@code
 *     datasets/qingtian} beside the working directory or its parent, else the copy inside the jar
 * @param importOnStart whether {@code serve} imports it when its content is new
 */
@ConfigurationProperties("portal.datasets")
public record DatasetProperties(
    @Nullable Path directory, @DefaultValue("true") boolean importOnStart) {}
