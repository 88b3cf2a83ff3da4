package obsgrader.scenarios;

import io.gatling.app.Gatling$;
import io.gatling.javaapi.core.Simulation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import scala.Console$;

/**
 * Runs one simulation in this JVM and reads its results back. In-process through {@code Gatling.fromArgs}:
 * {@code Gatling.main} would exit the JVM. The JVM needs {@code --add-opens=java.base/java.lang=ALL-UNNAMED}.
 */
public final class GatlingRun {
    /** fromArgs' status when the run completed but an assertion failed. */
    private static final int ASSERTIONS_FAILED = 2;
    /** Gatling's console output (progress lines, its summary table), kept beside its report. */
    private static final String CONSOLE = "console.txt";

    private GatlingRun() {
    }

    /** Runs the simulation against the target; its HTML report goes into a new folder under {@code reports}. */
    public static SimulationResult run(Class<? extends Simulation> simulation, LoadTarget target, Path reports) {
        return run(simulation, new SimulationContext(target, new StopSignal()), reports);
    }

    /**
     * Runs the simulation on a thread of its own: a run blocks for its whole length, and in a shared pool (the
     * common one has a thread per core but one) a run could wait for another to end.
     */
    static CompletableFuture<SimulationResult> start(Class<? extends Simulation> simulation, SimulationContext context,
                                                     Path reports) {
        return CompletableFuture.supplyAsync(() -> run(simulation, context, reports),
                task -> new Thread(task, "gatling-" + simulation.getSimpleName()).start());
    }

    static SimulationResult run(Class<? extends Simulation> simulation, SimulationContext context, Path reports) {
        GatlingInternals.skipReleaseCheck();
        Set<Path> earlier = runFolders(reports);
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        Instant started = Instant.now();
        // Gatling prints to Scala's Console, which a thread can redirect: the grading output stays readable.
        int status;
        try {
            status = context.during(() -> Console$.MODULE$.withOut(console, () -> Gatling$.MODULE$.fromArgs(new String[] {
                    "-s", simulation.getName(), "-rf", reports.toString(), "-rd", "obsgrader " + simulation.getSimpleName()})));
        } finally {
            GatlingInternals.restartLogging();
        }
        Instant finished = Instant.now();
        if (status != 0 && status != ASSERTIONS_FAILED) {
            throw new IllegalStateException("Gatling could not run " + simulation.getSimpleName() + " (status " + status
                    + "):\n" + console);
        }
        // Gatling names a run's folder after its simulation: another one running beside it makes its own
        String prefix = simulation.getSimpleName().toLowerCase(Locale.ROOT) + "-";
        List<Path> created = runFolders(reports).stream().filter(folder -> !earlier.contains(folder))
                .filter(folder -> folder.getFileName().toString().startsWith(prefix)).toList();
        if (created.size() != 1) {
            throw new IllegalStateException("expected one new Gatling run folder in " + reports + ", found " + created);
        }
        Path runFolder = created.get(0);
        write(runFolder.resolve(CONSOLE), console);
        GatlingInternals statistics = GatlingInternals.statisticsOf(runFolder);
        return new SimulationResult(simulation.getSimpleName(), runFolder, started, finished, status == 0,
                statistics.all(), statistics.byRequest());
    }

    private static Set<Path> runFolders(Path reports) {
        try {
            Files.createDirectories(reports);
            try (Stream<Path> folders = Files.list(reports)) {
                return folders.filter(Files::isDirectory).collect(Collectors.toSet());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, ByteArrayOutputStream content) {
        try {
            Files.write(file, content.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
