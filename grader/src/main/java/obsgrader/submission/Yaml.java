package obsgrader.submission;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The one place that reads and writes the submission's YAML and JSON files (Jackson, tree model). */
public final class Yaml {
    public static final ObjectMapper YAML = YAMLMapper.builder(new YAMLFactory()
                    .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                    // compose wants `version: "3.8"` to stay a string
                    .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS))
            .build();
    public static final ObjectMapper JSON = JsonMapper.builder().build();

    private Yaml() {
    }

    /** YAML anchors, aliases and merge keys ({@code x-common: &common}, {@code <<: *common}), which Jackson leaves as names. */
    private static final Pattern ALIASES = Pattern.compile("(?m)(^|[\\s:\\[,-])[&*][A-Za-z0-9_.-]+|<<\\s*:");

    /** The parsed file, or {@link ParseResult#invalid()} naming the line at fault. A missing file is not read. */
    public static ParseResult read(Path file) {
        boolean json = file.toString().endsWith(".json");
        ObjectMapper mapper = json ? JSON : YAML;
        try {
            JsonNode tree = mapper.readTree(file.toFile());
            if (!json && tree != null && ALIASES.matcher(Files.readString(file)).find()) {
                tree = withAliasesResolved(file);
            }
            return new ParseResult(tree == null ? MissingNode.getInstance() : tree, null);
        } catch (JsonProcessingException e) {
            return new ParseResult(MissingNode.getInstance(), InvalidFile.of(file, e));
        } catch (IOException e) {
            return new ParseResult(MissingNode.getInstance(), new InvalidFile(file, 0, "cannot be read: " + e.getMessage()));
        }
    }

    /**
     * The file read by SnakeYAML, which resolves aliases and merge keys as compose and Prometheus do (Jackson
     * parsed it first, so its errors keep their lines), as a Jackson tree.
     */
    private static JsonNode withAliasesResolved(Path file) throws IOException {
        LoaderOptions options = new LoaderOptions();
        Object document = new org.yaml.snakeyaml.Yaml(new SafeConstructor(options)).load(Files.readString(file));
        return JSON.valueToTree(document);
    }

    public static void write(Path file, JsonNode tree) {
        try {
            Files.createDirectories(file.getParent());
            YAML.writeValue(file.toFile(), tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public record ParseResult(JsonNode tree, InvalidFile invalid) {
        public boolean ok() {
            return invalid == null;
        }
    }
}
