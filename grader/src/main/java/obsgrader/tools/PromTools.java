package obsgrader.tools;

import static obsgrader.i18n.Message.msg;

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
 * Alertmanager images (stand-ins included), with the files they read mounted read-only at the same paths (no
 * network). Only those two images are run: no stack is booted.
 */
public final class PromTools {
    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static final String PROMETHEUS_IMAGE = "prom/prometheus:latest";
    private static final String ALERTMANAGER_IMAGE = "prom/alertmanager:latest";

    private final boolean mayInstallEngine;
    private Boolean engineAnswers;
    private Boolean imagesReady;

    /**
     * @param mayInstallEngine true in a full run (an engine is installed and started when none answers); false in
     *                         static mode, where the images are used only when an engine already answers
     */
    public PromTools(boolean mayInstallEngine) {
        this.mayInstallEngine = mayInstallEngine;
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
        if (!mayInstallEngine && !engineAnswers()) {
            throw new NotAssessed(msg("grader.no-tool", tool, "promtool".equals(tool) ? "prometheus" : "prometheus-alertmanager"));
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

    private synchronized boolean engineAnswers() {
        if (engineAnswers == null) {
            engineAnswers = DockerEngine.answers();
        }
        return engineAnswers;
    }

    private synchronized void ensureImages() {
        if (imagesReady == null) {
            if (mayInstallEngine) {
                DockerEngine.ensureRunning();
            }
            StandInImages.Outcome outcome = StandInImages.fromCatalog().ensure(Set.of(PROMETHEUS_IMAGE, ALERTMANAGER_IMAGE));
            imagesReady = outcome.unavailable().isEmpty();
        }
        if (!imagesReady) {
            throw new NotAssessed(msg("grader.no-image"));
        }
    }
}
