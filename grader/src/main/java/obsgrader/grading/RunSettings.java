package obsgrader.grading;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import obsgrader.engine.Compose;
import obsgrader.engine.DebianCompose;
import obsgrader.scenarios.Knobs;
import obsgrader.stack.Limits;

/**
 * What a grading run is told, read once at the edge ({@link #fromSystemProperties}, by the test entry points) and
 * handed to the run, which reads no system property itself: two runs in one JVM never see each other's.
 *
 * @param graderRoot the grader's own folder ({@code -Dobsgrader.root}): its sample-api is reference material a
 *                   submission may build from
 * @param compose    which compose boots the stack ({@code -Dgrader.compose})
 * @param debian     where a missing Compose v2 is fetched from ({@code -Dgrader.compose-suite},
 *                   {@code -Dgrader.debian-mirror})
 * @param limits     what each service may use ({@code -Dgrader.memory}, {@code -Dgrader.cpus}, {@code -Dgrader.pids},
 *                   {@code -Dgrader.log-size})
 * @param knobs      the load's and the burst's parameters ({@code -Dload.*}, {@code -Dburst.*})
 * @param deadline   no submission holds the machine longer ({@code -Dgrader.deadline}, in minutes)
 */
public record RunSettings(Path graderRoot, Compose.Choice compose, DebianCompose.Source debian, Limits limits, Knobs knobs,
                          Duration deadline) {

    /** The defaults: what a run is when nobody says otherwise, the grader's folder found from the current one. */
    public static RunSettings defaults() {
        return new RunSettings(graderRootAbove(Path.of(".")), Compose.Choice.AUTO, DebianCompose.Source.DEFAULT, Limits.DEFAULT,
                Knobs.defaults(), Duration.ofMinutes(45));
    }

    /**
     * The nearest folder holding the grader's {@code sample-api}, from {@code start} upwards: a test JVM runs in the
     * {@code grader} module, one level below it. The start itself when none does.
     */
    static Path graderRootAbove(Path start) {
        Path from = start.toAbsolutePath().normalize();
        for (Path folder = from; folder != null; folder = folder.getParent()) {
            if (Files.isDirectory(folder.resolve("sample-api"))) {
                return folder;
            }
        }
        return from;
    }

    /** This JVM's settings as they are now: the edge's one reading. */
    public static RunSettings fromSystemProperties() {
        return new RunSettings(
                Path.of(System.getProperty("obsgrader.root", ".")).toAbsolutePath().normalize(),
                Compose.Choice.parse(System.getProperty("grader.compose", "auto")),
                new DebianCompose.Source(System.getProperty("grader.compose-suite", DebianCompose.Source.DEFAULT.suite()),
                        System.getProperty("grader.debian-mirror", DebianCompose.Source.DEFAULT.mirror())),
                new Limits(System.getProperty("grader.memory", Limits.DEFAULT.memory()),
                        Double.parseDouble(System.getProperty("grader.cpus", String.valueOf(Limits.DEFAULT.cpus()))),
                        Integer.parseInt(System.getProperty("grader.pids", String.valueOf(Limits.DEFAULT.pids()))),
                        System.getProperty("grader.log-size", Limits.DEFAULT.logSize())),
                Knobs.fromSystemProperties(),
                Duration.ofMinutes(Long.parseLong(System.getProperty("grader.deadline", "45"))));
    }

    /** What a submission may read and build from outside its folder: the grader's sample-api, which the reference links to. */
    public List<Path> referenceMaterial() {
        return List.of(graderRoot.resolve("sample-api"));
    }

    /** The same settings with another compose (a self-test grades under both). */
    public RunSettings withCompose(Compose.Choice choice) {
        return new RunSettings(graderRoot, choice, debian, limits, knobs, deadline);
    }
}
