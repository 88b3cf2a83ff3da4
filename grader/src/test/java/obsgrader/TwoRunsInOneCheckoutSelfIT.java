package obsgrader;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run's outcome is its own: in one checkout, a submission that fails, then one that passes, must end in BUILD
 * SUCCESS the second time. Whatever the first run leaves behind (failsafe's summary files, which the pass-mark
 * gate once merged into the next build's, reports) must not decide the second. The two gradings are real
 * {@code mvn verify} builds, on a copy of this checkout so that they do not rebuild the classes this JVM runs
 * from; static, on the short rubric, to stay cheap (about a minute and a half, most of it compiling the copy).
 */
class TwoRunsInOneCheckoutSelfIT {
    private static final Path ROOT = Path.of(System.getProperty("obsgrader.root", ".")).toAbsolutePath().normalize();
    /** What a fresh clone does not have: the build's own output, the reports, the repository. */
    private static final Set<String> NOT_IN_A_CHECKOUT = Set.of(".git", "target", "reports", ".idea");

    @Test
    void aFailedGradingDoesNotFailTheNextOne(@TempDir Path scratch) throws Exception {
        Path checkout = scratch.resolve("checkout");
        copyCheckout(ROOT, checkout);

        Build failing = mvn(checkout, scratch, "grader/src/test/resources/corpus/flawed/empty-folder");
        assertThat(failing.exit()).as(failing.tail()).isNotZero();
        assertThat(failing.output()).contains("BUILD FAILURE");

        Build passing = mvn(checkout, scratch, "stack");
        assertThat(passing.output()).as(passing.tail()).contains("BUILD SUCCESS");
        assertThat(passing.exit()).isZero();
    }

    private record Build(int exit, String output) {
        String tail() {
            return output.substring(Math.max(0, output.length() - 4000));
        }
    }

    private static Build mvn(Path checkout, Path scratch, String stack) throws IOException, InterruptedException {
        Path log = Files.createTempFile(scratch, "mvn-", ".log");
        Process process = new ProcessBuilder(List.of("mvn", "-B", "-ntp", "verify", "-Dgrader.mode=static",
                "-Drubric=grader/src/test/resources/rubrics/quick.yml", "-Dreports=" + scratch.resolve("reports"),
                "-Dstack=" + stack)).directory(checkout.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(Duration.ofMinutes(5).toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("mvn verify -Dstack=" + stack + " took more than 5 minutes:\n" + Files.readString(log));
        }
        return new Build(process.exitValue(), Files.readString(log));
    }

    /** The checkout's files as a clone has them, links kept as links (the reference's app links to sample-api). */
    private static void copyCheckout(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                if (!dir.equals(from) && NOT_IN_A_CHECKOUT.contains(dir.getFileName().toString())) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.copy(file, to.resolve(from.relativize(file).toString()), LinkOption.NOFOLLOW_LINKS,
                        StandardCopyOption.COPY_ATTRIBUTES);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
