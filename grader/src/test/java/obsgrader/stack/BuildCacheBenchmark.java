package obsgrader.stack;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import obsgrader.engine.Compose;
import obsgrader.engine.Docker;
import obsgrader.engine.Docker.Kind;
import obsgrader.i18n.Message;
import obsgrader.images.StandInImages;
import obsgrader.submission.Submission;
import org.junit.jupiter.api.Test;

/**
 * How long the reference takes to boot (build included, until every container is started) without the build
 * cache, with it before its images are there (they are built into it), and once they are (a regrade), under
 * each compose flavour; then a copy whose API's every build step is new to the engine (a cold build, pip included)
 * and its regrade. {@code mvn verify -Pbenchmark -Dit.test=BuildCacheBenchmark [-Dstack=PATH]}. The
 * cache's images it added are removed at the end. A measurement: nothing is asserted.
 */
class BuildCacheBenchmark {
    @Test
    void bootWithAndWithoutTheBuildCache() throws IOException {
        Path root = Path.of(System.getProperty("obsgrader.root", "..")).toAbsolutePath().normalize();
        String stack = System.getProperty("stack", "");
        Path submission = root.resolve(stack.isBlank() ? "stack" : stack);
        Set<String> before = cached();
        List<String> lines = new ArrayList<>();
        // the stand-ins and their base are the engine's, shared by every run: what a run pays once they are there
        Set<String> required = Submission.load(submission).compose().orElseThrow().requiredImages();
        StandInImages.fromCatalog().ensure(required);
        long ensuring = System.nanoTime();
        StandInImages.Outcome outcome = StandInImages.fromCatalog().ensure(required);
        lines.add(String.format(Locale.ROOT, "  %d images the stack needs, %d of them stand-ins, already there: %d ms",
                required.size(), outcome.standIns().size(), (System.nanoTime() - ensuring) / 1_000_000));
        try {
            for (Compose.Choice flavour : List.of(Compose.Choice.V1, Compose.Choice.V2)) {
                lines.add(boot(submission, flavour, BuildCache.Bounds.OFF, "no cache"));
                lines.add(boot(submission, flavour, BuildCache.Bounds.DEFAULT, "cache, first run"));
                lines.add(boot(submission, flavour, BuildCache.Bounds.DEFAULT, "cache, regrade"));
            }
            Path cold = coldCopy(submission);
            lines.add(boot(cold, Compose.Choice.V2, BuildCache.Bounds.DEFAULT, "cold, first run"));
            lines.add(boot(cold, Compose.Choice.V2, BuildCache.Bounds.DEFAULT, "cold, regrade"));
        } finally {
            Set<String> added = cached();
            added.removeAll(before);
            added.forEach(tag -> Docker.run(Duration.ofMinutes(1), "image", "rm", tag));
        }
        System.out.printf("%nBoot of %s (images built, every container started):%n%s%n", submission,
                String.join("\n", lines));
    }

    /**
     * The submission, links copied as files, its API's Dockerfile given a step of its own before the others: every
     * step is new to the engine's layer cache, as on a machine that never built these files (pip runs).
     */
    private static Path coldCopy(Path submission) throws IOException {
        Path copy = Files.createTempDirectory(Path.of("target"), "benchmark-build-cache-cold");
        try (Stream<Path> files = Files.walk(submission, FileVisitOption.FOLLOW_LINKS)) {
            for (Path file : files.toList()) {
                Path target = copy.resolve(submission.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        Path dockerfile = copy.resolve("app/Dockerfile");
        Files.writeString(dockerfile, Files.readString(dockerfile).replaceFirst("(?m)^(FROM .*)$",
                "$1\nENV BENCHMARK_TOKEN=" + UUID.randomUUID()));
        return copy;
    }

    private static String boot(Path submission, Compose.Choice flavour, BuildCache.Bounds bounds, String what) {
        LabStack stack = LabStack.of(Submission.load(submission).compose().orElseThrow()).withCompose(flavour)
                .withRunFolder(Path.of("target", "benchmark-build-cache")).withImagesFrom(StandInImages.fromCatalog())
                .withBuildCache(bounds);
        long start = System.nanoTime();
        try {
            stack.start();
            long took = (System.nanoTime() - start) / 1_000_000;
            return String.format(Locale.ROOT, "  compose %s, %-17s %6.1f s  (%s)", flavour, what + ":", took / 1000.0,
                    stack.notes().getOrDefault("reused", Message.verbatim("nothing reused")));
        } finally {
            stack.close();
        }
    }

    private static Set<String> cached() {
        Set<String> tags = new TreeSet<>();
        Docker.inspect(Kind.IMAGE, BuildCache.LABEL).forEach(image -> image.path("RepoTags").forEach(tag -> tags.add(tag.asText())));
        return tags;
    }
}
