package obsgrader.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import obsgrader.report.ReportWriter;
import obsgrader.review.Overrides;
import obsgrader.rubric.Rubric;
import obsgrader.similarity.Similarity;
import obsgrader.submission.Folders;

/**
 * {@code -Dgrader.merge=DIR[,DIR...]}: the shards of a class put back together. Each DIR is a shard's output
 * folder (its students' folders and its {@code shard-I-of-N.json}), or any folder holding such folders (CI
 * artifacts downloaded side by side), or one folder every shard wrote into (a shared volume). The merge
 * refuses an incomplete or mixed set (a shard missing or twice, shards of another N or another rubric, a
 * student in two shards), copies the students' report folders into one, and writes the gradebook and class
 * summary an unsharded run of the class would have written.
 */
public final class ClassMerge {
    private static final String SHARD_FILE = "shard-\\d+-of-\\d+\\.json";

    private ClassMerge() {
    }

    /** Merges the shards found in {@code inputs} into {@code into}; returns the gradebook's rows. */
    public static List<Row> merge(List<Path> inputs, Rubric rubric, Path into) {
        return merge(inputs, rubric, Overrides.none(), List.of(), into);
    }

    /**
     * The same, holding the shards to the teacher's overrides: each student's report must have been graded with
     * that student's entries of the file (a shard applies them as it grades); a student whose report was graded
     * with other entries is named, with the command that regrades them, and nothing is merged. {@code similar}: the
     * class's pairs of alike work, when the merge can read the submissions (none otherwise).
     */
    public static List<Row> merge(List<Path> inputs, Rubric rubric, Overrides overrides, List<Similarity.Pair> similar,
                                  Path into) {
        Map<Path, ShardResults> shards = new TreeMap<>();
        inputs.forEach(input -> shardFiles(input).forEach(file -> shards.put(file, ShardResults.read(file))));
        checkComplete(shards, rubric, inputs);
        Map<String, Path> studentShard = new TreeMap<>();
        List<Row> rows = new ArrayList<>();
        List<String> students = shards.values().stream().flatMap(shard -> shard.rows().stream()).map(Row::student).toList();
        overrides.forClass(students);
        shards.forEach((file, shard) -> shard.rows().forEach(row -> {
            Path earlier = studentShard.put(row.student(), file);
            if (earlier != null) {
                throw new IllegalArgumentException("student " + row.student() + " is in two shards, " + earlier + " and " + file
                        + ": merge the outputs of one sharded run only");
            }
            rows.add(row);
        }));
        List<String> behind = new ArrayList<>();
        shards.forEach((file, shard) -> shard.rows().forEach(row -> {
            if (overrides.given() && !overrides.gradedWith(file.getParent().resolve(row.student()).resolve(ReportWriter.RESULTS),
                    row.student())) {
                behind.add(row.student() + " (shard " + shard.shard() + "/" + shard.of() + ")");
            }
        }));
        if (!behind.isEmpty()) {
            throw new IllegalArgumentException("grader.merge: graded with other overrides than " + overrides.file() + ": "
                    + String.join(", ", behind) + "; grade them again in their shard (-Dgrader.shard=I/N -Dgrader.overrides="
                    + overrides.file() + " -Dgrader.regrade=NAME,...), then merge");
        }
        shards.forEach((file, shard) -> shard.rows().forEach(row ->
                copyReports(file.getParent().resolve(row.student()), into.resolve(row.student()))));
        BatchGrader.staleOverrides(rows);
        return BatchGrader.writeClassFiles(rows, rubric, into, similar);
    }

    /** The shard files anywhere under a folder. */
    private static List<Path> shardFiles(Path input) {
        if (!Files.isDirectory(input)) {
            throw new IllegalArgumentException("grader.merge: " + input + " is not a folder");
        }
        try (Stream<Path> files = Files.find(input, Integer.MAX_VALUE, (path, attributes) -> attributes.isRegularFile()
                && path.getFileName().toString().matches(SHARD_FILE))) {
            return files.map(path -> path.toAbsolutePath().normalize()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void checkComplete(Map<Path, ShardResults> shards, Rubric rubric, List<Path> inputs) {
        if (shards.isEmpty()) {
            throw new IllegalArgumentException("grader.merge: no shard-I-of-N.json in " + inputs + " (a sharded run, "
                    + "-Dgrader.shard=I/N, leaves one beside its students' folders)");
        }
        TreeSet<Integer> counts = shards.values().stream().map(ShardResults::of).collect(Collectors.toCollection(TreeSet::new));
        if (counts.size() > 1) {
            throw new IllegalArgumentException("grader.merge: shards of different splits (" + counts.stream()
                    .map(n -> "of " + n).collect(Collectors.joining(", ")) + ") in " + inputs);
        }
        int count = counts.first();
        Map<Integer, List<Path>> byIndex = new TreeMap<>();
        shards.forEach((file, shard) -> byIndex.computeIfAbsent(shard.shard(), i -> new ArrayList<>()).add(file));
        List<String> problems = new ArrayList<>();
        for (int index = 1; index <= count; index++) {
            List<Path> files = byIndex.getOrDefault(index, List.of());
            if (files.isEmpty()) {
                problems.add("shard " + index + "/" + count + " is missing");
            } else if (files.size() > 1) {
                problems.add("shard " + index + "/" + count + " is there " + files.size() + " times " + files);
            }
        }
        shards.forEach((file, shard) -> {
            if (!shard.rubricVersion().equals(rubric.version())) {
                problems.add(file + " was graded with rubric " + shard.rubricVersion() + ", not " + rubric.version()
                        + " (-Drubric names the shards' rubric)");
            }
        });
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("grader.merge: " + String.join("; ", problems));
        }
    }

    private static void copyReports(Path from, Path to) {
        if (!Files.isDirectory(from) || from.toAbsolutePath().normalize().equals(to.toAbsolutePath().normalize())) {
            return;
        }
        Folders.delete(to);
        Folders.copy(from, to);
    }
}
