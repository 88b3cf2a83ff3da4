package obsgrader.stack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import obsgrader.engine.Compose;
import obsgrader.engine.DebianCompose;
import obsgrader.engine.Docker;
import obsgrader.engine.DockerEngine;
import obsgrader.engine.EnvironmentFault;
import obsgrader.engine.Shell;

/**
 * What booting a stack and removing it ask of this machine, besides the running stack's verbs
 * ({@link obsgrader.engine.Engine}): an engine and a compose ready, compose's commands, where ports are published,
 * what runs leave behind, the firewall. The real one is {@link #local}; a unit test plays back answers recorded from
 * a real engine, so that the boot's decisions (what is left out, who is charged) are tested without one.
 */
public interface Host {
    /** Returns once an engine answers and the compose chosen is there (found, or installed): an {@link EnvironmentFault} otherwise. */
    Compose prepare(Compose.Choice choice);

    /** Compose v2 to resolve the submission's model with, fetched when missing; empty when it cannot be had here. */
    Optional<Compose> resolver();

    /** Whether an engine answers now: a compose command that failed without one is the machine's fault. */
    boolean engineAnswers();

    /** For the report's header: {@code Docker Engine 20.10.24 (API 1.41)}. */
    String describeEngine();

    /** {@code compose -p PROJECT -f FILE ARGS...} ({@link Compose#run}). */
    Shell.Result compose(Compose compose, Duration timeout, String project, Path file, String... args);

    /** Where published ports are reached ({@link Docker#publishedHost}). */
    String publishedHost();

    /** Where ports are published ({@link Docker#bindAddress}). */
    String bindAddress();

    /** Removes what runs of dead JVMs left ({@link Sweeper#sweepAbandoned}). */
    void sweepAbandoned();

    /** Removes whatever of one run is still there ({@link Sweeper#sweepRun}). */
    void sweepRun(String runId);

    /** Removes what a failed build's output names as its own ({@link BuildLeftovers}). */
    void removeBuildLeftovers(String buildOutput);

    /** Cuts the run's bridges off ({@link Egress#cut}). */
    Egress cutEgress(String runId, List<String> bridges);

    /** This machine: its docker and compose command lines and its firewall; a missing Compose v2 fetched from {@code debian}. */
    static Host local(DebianCompose.Source debian) {
        return new Host() {
            @Override
            public Compose prepare(Compose.Choice choice) {
                DockerEngine.ensureRunning();
                return Compose.resolve(choice, debian);
            }

            @Override
            public Optional<Compose> resolver() {
                try {
                    return Optional.of(Compose.resolve(Compose.Choice.V2, debian));
                } catch (EnvironmentFault e) {
                    return Optional.empty();
                }
            }

            @Override
            public boolean engineAnswers() {
                return DockerEngine.answers();
            }

            @Override
            public String describeEngine() {
                return Docker.describeEngine();
            }

            @Override
            public Shell.Result compose(Compose compose, Duration timeout, String project, Path file, String... args) {
                return compose.run(timeout, project, file, args);
            }

            @Override
            public String publishedHost() {
                return Docker.publishedHost();
            }

            @Override
            public String bindAddress() {
                return Docker.bindAddress();
            }

            @Override
            public void sweepAbandoned() {
                Sweeper.sweepAbandoned();
            }

            @Override
            public void sweepRun(String runId) {
                Sweeper.sweepRun(runId);
            }

            @Override
            public void removeBuildLeftovers(String buildOutput) {
                BuildLeftovers.removeFrom(buildOutput);
            }

            @Override
            public Egress cutEgress(String runId, List<String> bridges) {
                return Egress.cut(runId, bridges);
            }
        };
    }
}
