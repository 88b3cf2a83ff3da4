package obsgrader.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import obsgrader.checks.Patience;
import obsgrader.engine.Docker;
import obsgrader.engine.DockerEngine;
import obsgrader.engine.Shell;
import obsgrader.images.StandInImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A grading JVM killed with kill -9 in the middle of its boot leaves nothing, firewall rules included, once the next run has swept. */
class AbandonedRunSelfIT {
    @TempDir
    Path folder;

    @Test
    void whatAKilledRunLeftIsSweptByTheNextOne() throws IOException, InterruptedException {
        DockerEngine.ensureRunning();
        StandInImages.fromCatalog().ensure(Set.of("python:3.11-slim"));
        Files.writeString(folder.resolve("docker-compose.yml"), """
                services:
                  first: {image: "python:3.11-slim", command: [sleep, "600"]}
                  second: {image: "python:3.11-slim", command: [sleep, "600"], depends_on: [first]}
                volumes:
                  data:
                """);
        Process grading = new ProcessBuilder("java", "-cp", System.getProperty("java.class.path"),
                BootAndHold.class.getName(), folder.toString(), folder.resolve("run").toString())
                .redirectErrorStream(true).start();
        String runId = awaitLine(grading, "STARTING ").substring("STARTING ".length());
        String owner = "label=" + ComposeSanitiser.OWNER_LABEL + "=" + grading.pid();

        assertThat(Patience.waitUpTo(Duration.ofMinutes(2), () -> !docker("ps", "-aq", "--filter", owner).isBlank()))
                .as("the killed run had started containers").isTrue();
        grading.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        // compose (v1 or v2: both run as docker-compose), a child of the dead JVM, finishes its `up` on its own; then the leftovers are complete
        Patience.waitUpTo(Duration.ofMinutes(1), () -> Shell.run(Duration.ofSeconds(5), "pgrep", "-f", "docker-compose").exitCode() != 0);

        Instant sweeping = Instant.now();
        Set<String> swept = Sweeper.sweepAbandoned();
        Duration took = Duration.between(sweeping, Instant.now());

        System.out.println("cleanup after kill -9 mid-boot: " + took.toMillis() + " ms");
        assertThat(swept).contains(runId);
        assertThat(MaliciousCorpusSelfIT.leftOver(runId)).isEmpty();
        assertThat(Shell.run(Duration.ofSeconds(30), "iptables", "-w", "-S").output()).as("its firewall rules")
                .doesNotContain("OBSG-" + runId);
    }

    static String docker(String... args) {
        return Docker.run(Duration.ofSeconds(30), args).output().strip();
    }

    private static String awaitLine(Process process, String prefix) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream()));
        for (String line; (line = out.readLine()) != null; ) {
            if (line.startsWith(prefix)) {
                return line;
            }
        }
        throw new IllegalStateException("the grading JVM ended before printing " + prefix);
    }
}
