package obsgrader.similarity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import obsgrader.i18n.Messages;
import obsgrader.submission.Folders;
import obsgrader.submission.Submission;
import org.junit.jupiter.api.Test;

/**
 * The similarity measure on a class of its own: the variant corpus (written independently of one another) and
 * the reference as honest students, and disguised copies of some of them (every alert renamed, PromQL respaced,
 * the dashboards' panels reordered with new ids, positions and titles; half of them keep the documents, half have
 * none). A copy must be paired
 * with its original; no two honest students may be. Prints precision and recall at several thresholds, and the
 * closest honest pair and the farthest copy. {@code mvn verify -Pbenchmark -Dit.test=SimilarityBenchmark}, or as
 * a unit test by name. A measurement: nothing is asserted.
 */
class SimilarityBenchmark {
    private static final Path VARIANTS = Path.of("src/test/resources/corpus/variants");
    private static final List<String> COPIED = List.of("reference", "api-replicas", "french-alerts-many-files",
            "grafana6-old-dashboard", "near-perfect-own-layout", "slo-in-readme-fr", "weak-beginner", "dashboards-per-row");

    @Test
    void precisionAndRecallOnCopiesAndIndependentVariants() throws IOException {
        Path work = Files.createTempDirectory("similarity-benchmark");
        List<String[]> students = new ArrayList<>();
        students.add(new String[] {"reference", Path.of("../stack").toString()});
        try (Stream<Path> variants = Files.list(VARIANTS)) {
            variants.filter(Files::isDirectory).sorted()
                    .forEach(v -> students.add(new String[] {v.getFileName().toString(), v.resolve("submission").toString()}));
        }
        Set<String> copies = new TreeSet<>();
        for (String original : COPIED) {
            Path from = Path.of(students.stream().filter(s -> s[0].equals(original)).findFirst().orElseThrow()[1]);
            Path copy = work.resolve("copy-of-" + original);
            Folders.copy(from, copy);
            Disguise.copy(copy, copies.size() % 2 == 1);
            students.add(new String[] {copy.getFileName().toString(), copy.toString()});
            copies.add(original + " ~ " + copy.getFileName());
        }

        Similarity similarity = new Similarity(List.of());
        long started = System.nanoTime();
        List<Similarity.Profile> profiles = students.stream()
                .map(s -> similarity.profile(s[0], Submission.load(Path.of(s[1])))).toList();
        List<Similarity.Pair> pairs = similarity.compare(profiles);
        long millis = (System.nanoTime() - started) / 1_000_000;

        System.out.printf("%nSimilarity benchmark: %d students (%d honest, %d disguised copies), %d pairs, %d ms%n",
                students.size(), students.size() - copies.size(), copies.size(), pairs.size(), millis);
        System.out.println("threshold  flagged  true  false  missed  precision  recall");
        for (double threshold : new double[] {0.3, 0.4, 0.5, 0.6, 0.7, 0.8}) {
            long flagged = pairs.stream().filter(p -> p.score() >= threshold).count();
            long hits = pairs.stream().filter(p -> p.score() >= threshold && copies.contains(key(p))).count();
            System.out.printf("%9.2f  %7d  %4d  %5d  %6d  %9.2f  %6.2f%n", threshold, flagged, hits, flagged - hits,
                    copies.size() - hits, flagged == 0 ? 1.0 : (double) hits / flagged, (double) hits / copies.size());
        }
        Path page = Path.of("target", "similarity-benchmark", SimilarityPage.FILE);
        SimilarityPage.write(SimilarityPage.atOrAbove(pairs, Similarity.DEFAULT_THRESHOLD), Similarity.DEFAULT_THRESHOLD,
                Messages.ENGLISH, page);
        System.out.println("side by side: " + page.toAbsolutePath());
        pairs.stream().filter(p -> copies.contains(key(p))).min((a, b) -> Double.compare(a.score(), b.score()))
                .ifPresent(p -> System.out.printf("farthest copy:       %s %.2f %s%n", key(p), p.score(), p.parts()));
        pairs.stream().filter(p -> !copies.contains(key(p))).limit(3)
                .forEach(p -> System.out.printf("closest honest pair: %s %.2f %s%n", key(p), p.score(), p.parts()));
    }

    private static String key(Similarity.Pair pair) {
        return pair.left().startsWith("copy-of-") ? pair.right() + " ~ " + pair.left() : pair.left() + " ~ " + pair.right();
    }

    static {
        // the copies are written under the system's temporary folder: nothing to clean in the project
        if (!Files.isDirectory(VARIANTS)) {
            throw new UncheckedIOException(new IOException("run from grader/: " + VARIANTS + " is missing"));
        }
    }
}
