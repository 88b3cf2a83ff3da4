package obsgrader.tools;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import obsgrader.checks.NotAssessed;
import obsgrader.engine.DockerEngine;
import obsgrader.engine.Shell;
import obsgrader.images.StandInImages;
import obsgrader.submission.Yaml;

/**
 * promtool and amtool, from the host when they are installed there, otherwise from the Prometheus and
 * Alertmanager images, with the files they read mounted read-only at the same paths (no network).
 */
public final class PromTools {
    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static final String PROMETHEUS_IMAGE = "prom/prometheus:latest";
    private static final String ALERTMANAGER_IMAGE = "prom/alertmanager:latest";

    private final boolean dockerAllowed;
    private Boolean imagesReady;

    /** @param dockerAllowed false in static mode: then only tools installed on the host are used */
    public PromTools(boolean dockerAllowed) {
        this.dockerAllowed = dockerAllowed;
    }

    public Shell.Result promtool(Collection<Path> reads, String... args) {
        return run("promtool", PROMETHEUS_IMAGE, reads, args);
    }

    /**
     * Runs promtool on a file the grader writes (a mapped config, a rules unit test), in a temporary folder
     * removed afterwards. The file is the last argument; {@code alsoReads} are the files it names.
     */
    public Shell.Result promtoolOn(String fileName, JsonNode content, Collection<Path> alsoReads, String... args) {
        Path folder = null;
        try {
            folder = Files.createTempDirectory("obsgrader-promtool");
            Path file = folder.resolve(fileName);
            Yaml.write(file, content);
            List<Path> reads = new ArrayList<>(alsoReads);
            reads.add(file);
            List<String> arguments = new ArrayList<>(List.of(args));
            arguments.add(file.toString());
            return promtool(reads, arguments.toArray(String[]::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(folder);
        }
    }

    private static void deleteQuietly(Path folder) {
        if (folder == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary file is harmless
        }
    }

    public Shell.Result amtool(Collection<Path> reads, String... args) {
        return run("amtool", ALERTMANAGER_IMAGE, reads, args);
    }

    private Shell.Result run(String tool, String image, Collection<Path> reads, String... args) {
        if (Shell.has(tool)) {
            List<String> command = new ArrayList<>(List.of(tool));
            command.addAll(List.of(args));
            return Shell.run(TIMEOUT, command.toArray(String[]::new));
        }
        if (!dockerAllowed) {
            throw new NotAssessed(tool + " is not installed on this machine and static mode uses no Docker "
                    + "(install the Debian package " + ("promtool".equals(tool) ? "prometheus" : "prometheus-alertmanager") + ")");
        }
        ensureImages();
        List<String> command = new ArrayList<>(List.of("docker", "run", "--rm", "--network", "none", "--user", "0"));
        Set<Path> folders = new LinkedHashSet<>();
        reads.forEach(path -> folders.add(path.toAbsolutePath().getParent()));
        folders.forEach(folder -> command.addAll(List.of("-v", folder + ":" + folder + ":ro")));
        command.addAll(List.of("--entrypoint", "/bin/" + tool, image));
        command.addAll(List.of(args));
        return Shell.run(TIMEOUT, command.toArray(String[]::new));
    }

    private synchronized void ensureImages() {
        if (imagesReady == null) {
            DockerEngine.ensureRunning();
            StandInImages.Outcome outcome = StandInImages.fromCatalog().ensure(Set.of(PROMETHEUS_IMAGE, ALERTMANAGER_IMAGE));
            imagesReady = outcome.unavailable().isEmpty();
        }
        if (!imagesReady) {
            throw new NotAssessed("neither promtool nor the Prometheus image is available on this machine");
        }
    }
}
