package obsgrader.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a malicious case must never reach, planted on the grading machine: files under {@link #ROOT} (a secret, an
 * env_file, compose files to include or extend), and variables of the grader's own environment (set by the pom
 * for the tests' JVM: {@code GITHUB_TOKEN}, {@code AWS_SECRET_ACCESS_KEY}). A case is copied under
 * {@code ROOT/submissions-<this JVM>/}, so its {@code ../../secret.env} names the planted file; two test JVMs side by
 * side (two checkouts) never copy over each other's cases.
 */
final class Canary {
    static final Path ROOT = Path.of("/tmp/obsgrader-canary");
    static final String FILE = "obsgrader-canary-file-7f3a";
    static final String VARIABLE = "obsgrader-canary-variable-91c2";
    static final List<String> VARIABLES = List.of("GITHUB_TOKEN", "AWS_SECRET_ACCESS_KEY");

    private Canary() {
    }

    static void plant() {
        try {
            Files.createDirectories(ROOT.resolve("a/b"));
            plant("secret.txt", FILE + "\n");
            plant("secret.env", "SECRET=" + FILE + "\n");
            plant("evil.yml", """
                    services:
                      evil:
                        image: python:3.11-slim
                        privileged: true
                        volumes: ["/:/host"]
                        environment: ["LOOT=%s"]
                    """.formatted(FILE));
            plant("base.yml", """
                    services:
                      rooted:
                        image: python:3.11-slim
                        privileged: true
                        volumes: ["/:/host"]
                        environment: ["LOOT=%s"]
                    """.formatted(FILE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a planted file whole, by a rename: another JVM reading it meanwhile never sees it half written. */
    private static void plant(String name, String content) throws IOException {
        Path temporary = Files.createTempFile(ROOT, name, ".tmp");
        Files.writeString(temporary, content);
        Files.move(temporary, ROOT.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** A corpus case copied beside the canary, its links kept as links. */
    static Path submission(Path corpusCase) {
        Path copy = ROOT.resolve("submissions-" + ProcessHandle.current().pid()).resolve(corpusCase.getFileName().toString());
        try (Stream<Path> files = Files.walk(corpusCase)) {
            for (Path file : files.toList()) {
                Path target = copy.resolve(corpusCase.relativize(file).toString());
                if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectories(target);
                } else {
                    Files.deleteIfExists(target);
                    Files.copy(file, target, LinkOption.NOFOLLOW_LINKS, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return copy;
    }

    /** Whether a text holds anything planted: the secret file's content, or a variable's value. */
    static boolean leaks(String text) {
        return text.contains(FILE) || text.contains(VARIABLE);
    }
}
