package obsgrader.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import obsgrader.review.Overrides;
import obsgrader.rubric.Rubric;
import obsgrader.rubric.RubricLoader;
import obsgrader.submission.Folders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Shards' outputs merged into the gradebook and summary of the whole class, and incomplete sets refused. */
class ClassMergeTest {
    private static final Rubric RUBRIC = RubricLoader.load(Path.of("src/main/resources/obsgrader/rubric.yml"));
    private static final List<Row> CLASS = List.of(row("alice", 91), row("bob", 64), row("carol", 77), row("dave", 88),
            Row.notGradable("eve", "grader error: boom", 2));

    @TempDir
    Path work;

    private static Row row(String student, double total) {
        return new Row(student, Map.of("deployed", 20.0, "metrics", total - 20), 1, total, total >= 70, true, "", 200,
                total < 70 ? List.of("alerts.coverage") : List.of());
    }

    /** Writes what three shards of the class leave: each student's folder and the shard's rows. */
    private Path shardOutputs(int count) throws IOException {
        Path outputs = work.resolve("artifacts");
        for (int i = 1; i <= count; i++) {
            Shard shard = new Shard(i, count);
            Path folder = outputs.resolve("obsgrader-shard-" + i);
            List<Row> rows = CLASS.stream().filter(r -> shard.owns(r.student())).toList();
            for (Row row : rows) {
                Files.createDirectories(folder.resolve(row.student()));
                Files.writeString(folder.resolve(row.student()).resolve("score.md"), row.student() + "\n");
            }
            new ShardResults(i, count, RUBRIC.version(), rows).write(folder.resolve(shard.resultsFile()));
        }
        return outputs;
    }

    @Test
    void theMergeWritesWhatAnUnshardedRunWrites() throws IOException {
        Path outputs = shardOutputs(3);
        Path unsharded = work.resolve("unsharded");
        BatchGrader.writeClassFiles(CLASS, RUBRIC, unsharded);

        List<Row> merged = ClassMerge.merge(List.of(outputs), RUBRIC, work.resolve("merged"));

        assertThat(merged).extracting(Row::student).containsExactly("alice", "bob", "carol", "dave", "eve");
        assertThat(work.resolve("merged/gradebook.csv")).hasSameTextualContentAs(unsharded.resolve("gradebook.csv"));
        assertThat(work.resolve("merged/index.html")).hasSameTextualContentAs(unsharded.resolve("index.html"));
        assertThat(work.resolve("merged/carol/score.md")).hasContent("carol");
    }

    @Test
    void shardsNamedOneByOneMergeLikeTheirParentFolder() throws IOException {
        Path outputs = shardOutputs(2);

        ClassMerge.merge(List.of(outputs.resolve("obsgrader-shard-1"), outputs.resolve("obsgrader-shard-2")), RUBRIC,
                work.resolve("merged"));

        assertThat(Files.readAllLines(work.resolve("merged/gradebook.csv"))).hasSize(CLASS.size() + 1);
    }

    @Test
    void anIncompleteOrMixedSetIsRefusedSayingWhatIsWrong() throws IOException {
        Path outputs = shardOutputs(3);
        Path second = outputs.resolve("obsgrader-shard-2");
        Path moved = Files.move(second, work.resolve("elsewhere"));

        assertThatThrownBy(() -> ClassMerge.merge(List.of(outputs), RUBRIC, work.resolve("merged")))
                .hasMessageContaining("shard 2/3 is missing");
        Path copy = work.resolve("copy");
        Folders.copy(moved, copy);
        assertThatThrownBy(() -> ClassMerge.merge(List.of(outputs, moved, copy), RUBRIC, work.resolve("merged")))
                .hasMessageContaining("shard 2/3 is there 2 times");
        new ShardResults(1, 2, RUBRIC.version(), List.of()).write(moved.resolve("shard-1-of-2.json"));
        assertThatThrownBy(() -> ClassMerge.merge(List.of(outputs, moved), RUBRIC, work.resolve("merged")))
                .hasMessageContaining("shards of different splits (of 2, of 3)");
        assertThatThrownBy(() -> ClassMerge.merge(List.of(work.resolve("nowhere")), RUBRIC, work.resolve("merged")))
                .hasMessageContaining("is not a folder");
        assertThatThrownBy(() -> ClassMerge.merge(List.of(Files.createDirectories(work.resolve("empty"))), RUBRIC,
                work.resolve("merged"))).hasMessageContaining("no shard-I-of-N.json");
    }

    @Test
    void aMergeGivenOverridesRefusesReportsGradedWithOtherEntriesAndEntriesNamingNoStudent() throws IOException {
        Path outputs = shardOutputs(2);
        Path file = work.resolve(Overrides.FILE);
        Files.writeString(file, "student,line,points,reason,who,when\nbob,docs.readme,3,README sent by mail,J. Martin,2026-12-07\n");

        // the shards graded bob without this entry: his report does not show it, so nothing is merged
        assertThatThrownBy(() -> ClassMerge.merge(List.of(outputs), RUBRIC, Overrides.load(file, RUBRIC), List.of(), work.resolve("merged")))
                .hasMessageContaining("graded with other overrides than " + file + ": bob (shard ")
                .hasMessageContaining("-Dgrader.regrade=NAME");
        assertThat(work.resolve("merged")).doesNotExist();

        Files.writeString(file, "student,line,points,reason,who,when\nzoe,docs.readme,3,README sent by mail,J. Martin,2026-12-07\n");
        assertThatThrownBy(() -> ClassMerge.merge(List.of(outputs), RUBRIC, Overrides.load(file, RUBRIC), List.of(), work.resolve("merged")))
                .hasMessageStartingWith(file + ":2: no student 'zoe' in the class");
    }
}
