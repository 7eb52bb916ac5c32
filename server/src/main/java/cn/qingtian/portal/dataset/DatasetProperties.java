package cn.qingtian.portal.dataset;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The bundled data packages that {@code serve} imports at start-up.
 *
 * @param directory the folder holding the packages {@code qingtian} and {@code demo} ({@code
 *     PORTAL_DATASETS_DIRECTORY}); when empty, {@code datasets} in the working directory or its
 *     parent, else the copy inside the jar
 * @param demo whether the synthetic demo package is imported with the plan ({@code
 *     PORTAL_DATASETS_DEMO}; switch it off in production)
 * @param importOnStart whether {@code serve} imports them when their content is new
 */
@ConfigurationProperties("portal.datasets")
public record DatasetProperties(
    @Nullable Path directory,
    @DefaultValue("true") boolean demo,
    @DefaultValue("true") boolean importOnStart) {}
