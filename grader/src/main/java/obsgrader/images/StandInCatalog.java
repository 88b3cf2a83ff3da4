package obsgrader.images;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import obsgrader.submission.ComposeFile;
import obsgrader.submission.Yaml;

/** {@code standins/catalog.yml}: which upstream repositories each stand-in folder replaces. */
@JsonIgnoreProperties(ignoreUnknown = false)
public record StandInCatalog(String base, List<StandIn> images) {
    static final String ROOT = "standins/";

    public record StandIn(String folder, List<String> replaces, List<String> files, String provides) {
    }

    public static StandInCatalog load() {
        try (InputStream in = StandInCatalog.class.getClassLoader().getResourceAsStream(ROOT + "catalog.yml")) {
            if (in == null) {
                throw new IllegalStateException("standins/catalog.yml is missing from the grader's classpath");
            }
            return Yaml.YAML.readValue(in, StandInCatalog.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The stand-in for an image reference, matched on its repository whatever the tag. */
    public Optional<StandIn> standInFor(String image) {
        String repository = ComposeFile.repository(image);
        String withoutLibrary = repository.replaceFirst("^(docker\\.io/)?(library/)?", "");
        return images.stream().filter(s -> s.replaces().contains(withoutLibrary)).findFirst();
    }
}
