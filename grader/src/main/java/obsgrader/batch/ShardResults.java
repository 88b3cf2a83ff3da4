package obsgrader.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import obsgrader.submission.Yaml;

/**
 * What a shard graded, for the merge: its place among the shards, the rubric it graded with, and its
 * students' gradebook rows (a student the grader could not even start is a row with no report folder).
 */
public record ShardResults(int shard, int of, String rubricVersion, List<Row> rows) {
    public ShardResults {
        rows = List.copyOf(rows);
    }

    void write(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Yaml.JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), this);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ShardResults read(Path file) {
        try {
            return Yaml.JSON.readValue(file.toFile(), ShardResults.class);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + " is not a shard's results (" + e.getMessage() + "): grade the shard again", e);
        }
    }
}
