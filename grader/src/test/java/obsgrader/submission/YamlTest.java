package obsgrader.submission;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.SafeConstructor;

class YamlTest {
    /** Strings a YAML reader would take for numbers (a run id such as 59030e67 among them). */
    private static final List<String> NUMBER_LIKE = List.of("59030e67", "1e5", "12345678", "0x1F", "1_000", "1:30", "08",
            "3.8", ".5", "-2", ".inf", "0o17");

    @TempDir
    Path folder;

    /** Written out for compose, each stays a string to a YAML 1.1 reader (compose v1's PyYAML reads as SnakeYAML does). */
    @Test
    void stringsThatLookLikeNumbersStayStrings() throws Exception {
        ObjectNode labels = Yaml.JSON.createObjectNode();
        NUMBER_LIKE.forEach(value -> labels.put("label-" + value, value));
        labels.put("plain", "obsgrader-run");
        Path file = folder.resolve("labels.yml");

        Yaml.write(file, labels);

        Map<String, Object> read = new org.yaml.snakeyaml.Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file));
        assertThat(read).allSatisfy((key, value) -> assertThat(value).as(key).isInstanceOf(String.class));
        assertThat(read).containsEntry("label-59030e67", "59030e67").containsEntry("plain", "obsgrader-run");
        assertThat(Files.readString(file)).contains("plain: obsgrader-run");
    }
}
