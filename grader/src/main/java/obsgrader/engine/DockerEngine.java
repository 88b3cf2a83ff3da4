package obsgrader.engine;

import static obsgrader.i18n.Message.msg;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure a Docker engine answers before anything is booted (which compose drives it: {@link Compose}). On a
 * machine with Docker it uses it as it is; on a fresh Debian machine, as root, it installs Debian's package and
 * starts the daemon.
 */
public final class DockerEngine {
    private static final Logger LOG = LoggerFactory.getLogger(DockerEngine.class);
    private static final Path DAEMON_LOGS = Path.of("/var/log");
    private static final Duration DAEMON_START = Duration.ofSeconds(90);

    private DockerEngine() {
    }

    /** Returns once the engine answers {@code docker info}, or throws an {@link EnvironmentFault} saying what to install. */
    public static synchronized void ensureRunning() {
        if (answers()) {
            return;
        }
        String remote = System.getenv("DOCKER_HOST");
        if (remote != null && !remote.isBlank()) {
            // The client is pointed elsewhere: a local daemon installed or started here would not be the one asked.
            throw new EnvironmentFault(msg("grader.machine.no-engine-at", remote));
        }
        if (!canInstall()) {
            throw new EnvironmentFault(msg("grader.machine.no-engine"));
        }
        // The client alone (a docker CLI on PATH) is no engine: decide on the daemon's program.
        if (!Shell.has("dockerd")) {
            installDebianPackages("docker.io");
        }
        if (!answers()) {
            startDaemon();
        }
    }

    /** Installs Debian packages the grader needs on the host (debootstrap for the stand-in base image). */
    public static void ensureHostTool(String program, String debianPackage) {
        if (Shell.has(program)) {
            return;
        }
        if (!canInstall()) {
            throw new EnvironmentFault(msg("grader.machine.tool-missing", program, debianPackage));
        }
        installDebianPackages(debianPackage);
    }

    /** Whether an engine answers now, without installing or starting one. */
    public static boolean answers() {
        return Shell.run(Duration.ofSeconds(20), "docker", "info", "--format", "{{.ServerVersion}}").ok();
    }

    private static boolean canInstall() {
        return Files.exists(Path.of("/etc/debian_version")) && "root".equals(System.getProperty("user.name"));
    }

    private static void installDebianPackages(String... packages) {
        String missing = String.join(" ", packages);
        LOG.info("Installing Debian packages: {}", missing);
        Shell.Result result = Shell.run(Duration.ofMinutes(10), "sh", "-c",
                "apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q " + missing);
        if (!result.ok()) {
            throw new EnvironmentFault(msg("grader.machine.apt-failed", missing, result.tail(15)));
        }
    }

    private static void startDaemon() {
        // A daemon already starting (another JVM of the same build) is waited for, not started a second time.
        boolean starting = Shell.run(Duration.ofSeconds(5), "pgrep", "-x", "dockerd").ok();
        // Each attempt keeps its own log, so that a failed start is still readable after the next one.
        Path log = DAEMON_LOGS.resolve("obsgrader-dockerd-" + System.currentTimeMillis() + ".log");
        if (!starting) {
            LOG.info("Starting dockerd (log: {})", log);
            // setsid detaches the daemon from this JVM, so it outlives the run like a system service would.
            Shell.run(Duration.ofSeconds(20), "sh", "-c", "setsid nohup dockerd > " + log + " 2>&1 < /dev/null &");
        }
        try {
            Awaitility.await("dockerd answering").atMost(DAEMON_START).pollInterval(Duration.ofSeconds(1))
                    .until(DockerEngine::answers);
        } catch (ConditionTimeoutException e) {
            throw new EnvironmentFault(msg("grader.machine.dockerd-silent", String.valueOf(DAEMON_START.toSeconds()),
                    starting ? msg("grader.machine.dockerd-was-starting") : msg("grader.machine.dockerd-see-log", log)));
        }
    }
}
