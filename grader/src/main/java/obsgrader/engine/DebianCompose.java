package obsgrader.engine;

import static obsgrader.i18n.Message.msg;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compose v2 for a machine that has only v1 (Debian bookworm): the static binary of a newer Debian release's
 * {@code docker-compose} package, downloaded with a private apt configuration and unpacked into the grader's
 * own cache. Nothing is installed system-wide: the engine, shared by whoever uses the machine, stays as it is.
 * Where from is the run's setting ({@link Source}), read at the edge.
 */
public final class DebianCompose {
    private static final Logger LOG = LoggerFactory.getLogger(DebianCompose.class);
    private static final Duration DOWNLOAD = Duration.ofMinutes(5);
    private static final String KEYRING = "/usr/share/keyrings/debian-archive-keyring.gpg";

    private DebianCompose() {
    }

    /**
     * Where the package comes from ({@code -Dgrader.compose-suite}, {@code -Dgrader.debian-mirror}).
     *
     * @param suite  a Debian release whose {@code docker-compose} is v2 (trixie: 2.26; sid: 2.40)
     * @param mirror a Debian mirror's URL
     */
    public record Source(String suite, String mirror) {
        public static final Source DEFAULT = new Source("trixie", "http://deb.debian.org/debian");
    }

    /** Where the grader keeps its Compose v2: /var/cache/obsgrader as root, ~/.cache/obsgrader otherwise. */
    public static Path binary() {
        Path cache = "root".equals(System.getProperty("user.name")) ? Path.of("/var/cache/obsgrader")
                : Path.of(System.getProperty("user.home"), ".cache", "obsgrader");
        return cache.resolve("compose-v2").resolve("docker-compose");
    }

    /** Downloads and unpacks the package unless its binary is already there; returns the binary. */
    static synchronized Path install(Source source) {
        Path binary = binary();
        if (Files.isExecutable(binary)) {
            return binary;
        }
        if (!Files.exists(Path.of("/etc/debian_version")) || !Files.exists(Path.of(KEYRING))) {
            throw new EnvironmentFault(msg("grader.machine.compose-v2-missing"));
        }
        String suite = source.suite();
        String mirror = source.mirror();
        LOG.info("Fetching Compose v2 from Debian {} ({}) into {}", suite, mirror, binary.getParent());
        // per process: two gradings installing at once neither share apt's lock nor a half-copied binary
        String pid = String.valueOf(ProcessHandle.current().pid());
        Path work = binary.getParent().resolve("apt-" + pid);
        try {
            Files.createDirectories(work.resolve("lists/partial"));
            Files.createDirectories(work.resolve("cache/archives/partial"));
            Files.createDirectories(work.resolve("sources.list.d"));
            Files.writeString(work.resolve("sources.list"),
                    "deb [signed-by=" + KEYRING + "] " + mirror + " " + suite + " main\n");
            String apt = "apt-get -q -o Dir::Etc::sourcelist=" + work.resolve("sources.list")
                    + " -o Dir::Etc::sourceparts=" + work.resolve("sources.list.d")
                    + " -o Dir::State::Lists=" + work.resolve("lists") + " -o Dir::Cache=" + work.resolve("cache")
                    + " -o APT::Sandbox::User=root";
            Shell.Result fetched = Shell.run(DOWNLOAD, work, Map.of(), "sh", "-c",
                    apt + " update && " + apt + " download docker-compose && dpkg-deb -x docker-compose_*.deb unpacked");
            Path unpacked = work.resolve("unpacked/usr/libexec/docker/cli-plugins/docker-compose");
            if (!fetched.ok() || !Files.isExecutable(unpacked)) {
                throw new EnvironmentFault(msg("grader.machine.compose-v2-fetch", suite, mirror, fetched.tail(10)));
            }
            // moved into place whole, so a run killed half-way never leaves a binary that looks installed
            Path partial = binary.resolveSibling("docker-compose.partial-" + pid);
            Files.copy(unpacked, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, binary, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            deleteTree(work);
            return binary;
        } catch (IOException e) {
            throw new EnvironmentFault(msg("grader.machine.compose-v2-install", binary.getParent(), e.getMessage()));
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
