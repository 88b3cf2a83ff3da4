package obsgrader.images;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import obsgrader.submission.ComposeFile;
import obsgrader.submission.Yaml;

/** {@code standins/catalog.yml}: which upstream repositories each stand-in folder replaces, at which Debian suite. */
@JsonIgnoreProperties(ignoreUnknown = false)
public record StandInCatalog(String base, List<StandIn> images) {
    static final String ROOT = "standins/";
    /** The suite of the base image: a stand-in built at it keeps the cache key of its files alone. */
    static final String BASE_SUITE = "bookworm";

    /**
     * {@code hostCertificates}: the stand-in fetches packages itself (pip, npm) and so trusts, besides Debian's
     * authorities, those this machine added (a TLS-inspecting proxy's), as the machine's own tools do.
     */
    public record StandIn(String folder, List<String> replaces, List<String> files, List<Version> versions,
                          boolean hostCertificates) {
        /** Where a file of the build context is among the resources: {@code common/} files are shared. */
        String resource(String file) {
            return ROOT + (file.startsWith("common/") ? file : folder + "/" + file);
        }
    }

    /** A Debian suite the stand-in is built at, for the tags matching {@code tags} (a regular expression). */
    public record Version(String tags, String suite, String provides) {
    }

    /** One stand-in at the version chosen for a tag. */
    public record Choice(StandIn standIn, Version version) {
        public String provides() {
            return version.provides();
        }
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

    /**
     * The stand-in for an image reference, matched on its repository, at the first version whose tags match
     * the image's tag (the last version for a digest).
     */
    public Optional<Choice> standInFor(String image) {
        String repository = ComposeFile.repository(image);
        String withoutLibrary = repository.replaceFirst("^(docker\\.io/)?(library/)?", "");
        String tag = tag(image);
        return images.stream().filter(s -> s.replaces().contains(withoutLibrary)).findFirst()
                .map(s -> new Choice(s, s.versions().stream().filter(v -> tag.matches(v.tags())).findFirst()
                        .orElse(s.versions().get(s.versions().size() - 1))));
    }

    private static String tag(String image) {
        if (image.contains("@")) {
            return "";
        }
        String name = image.substring(image.lastIndexOf('/') + 1);
        return name.contains(":") ? name.substring(name.indexOf(':') + 1) : "latest";
    }
}
