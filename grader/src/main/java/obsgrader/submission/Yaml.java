package obsgrader.submission;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;
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
    public static final ObjectMapper YAML = YAMLMapper.builder(YAMLFactory.builder()
                    .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                    // compose wants `version: "3.8"` to stay a string
                    .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                    .stringQuotingChecker(new NumbersStayStrings())
                    .build())
            .build();
    public static final ObjectMapper JSON = JsonMapper.builder().build();

    /**
     * Quotes every string a YAML reader would take for a number, which Jackson's own check misses: {@code 1e5},
     * {@code 59030e67} (floats to YAML 1.2, compose v2's go-yaml), {@code 0x1F}, {@code 0o17}, {@code 1_000},
     * {@code 1:30} (YAML 1.1, compose v1's PyYAML). Written bare, a label or an environment value would change type.
     */
    static final class NumbersStayStrings extends StringQuotingChecker.Default {
        private static final Pattern NUMBER = Pattern.compile(
                "[-+]?(0x[0-9a-fA-F_]+|0o[0-7_]+|0b[01_]+|[0-9][0-9_]*(\\.[0-9_]*)?([eE][-+]?[0-9]+)?|\\.[0-9]+([eE][-+]?[0-9]+)?"
                        + "|[0-9][0-9_]*(:[0-5]?[0-9])+(\\.[0-9_]*)?|\\.(inf|Inf|INF)|\\.(nan|NaN|NAN))");

        @Override
        public boolean needToQuoteName(String name) {
            return super.needToQuoteName(name) || NUMBER.matcher(name).matches();
        }

        @Override
        public boolean needToQuoteValue(String value) {
            return super.needToQuoteValue(value) || NUMBER.matcher(value).matches();
        }
    }

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
