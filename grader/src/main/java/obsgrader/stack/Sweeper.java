package obsgrader.stack;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import obsgrader.engine.Docker;
import obsgrader.engine.Docker.Kind;
import obsgrader.engine.Shell;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes what grading runs left behind when their JVM died (kill -9, a crash, a power cut): every container,
 * network, volume and built image whose owner label names a process that no longer runs, and such runs'
 * firewall rules ({@link Egress}). Runs of live JVMs, such as a batch grading in parallel, are left alone.
 */
public final class Sweeper {
    private static final Logger LOG = LoggerFactory.getLogger(Sweeper.class);

    private Sweeper() {
    }

    /** Sweeps abandoned runs; returns the ids of the runs removed. */
    public static synchronized Set<String> sweepAbandoned() {
        Set<String> abandoned = sweep(ComposeSanitiser.RUN_LABEL, Sweeper::isAbandoned);
        abandoned.addAll(Egress.sweepAbandoned());
        if (!abandoned.isEmpty()) {
            LOG.info("Removed what abandoned grading runs left behind: {}", abandoned);
        }
        return abandoned;
    }

    /** Removes whatever of one run is still there: its labelled containers, networks, volumes and images, its firewall rules. */
    public static synchronized void sweepRun(String run) {
        sweep(ComposeSanitiser.RUN_LABEL + "=" + run, labels -> true);
        Egress.remove(run);
    }

    private static Set<String> sweep(String labelFilter, Predicate<Map<String, String>> toRemove) {
        Set<String> runs = new TreeSet<>();
        for (Docker.Container container : Docker.containers(labelFilter)) {
            if (toRemove.test(container.labels())) {
                container.label(ComposeSanitiser.RUN_LABEL).ifPresent(runs::add);
                quietly("rm", "-f", "-v", container.id());
            }
        }
        for (JsonNode network : Docker.inspect(Kind.NETWORK, labelFilter)) {
            Map<String, String> labels = Docker.labels(network.path("Labels"));
            if (toRemove.test(labels)) {
                runs.add(labels.get(ComposeSanitiser.RUN_LABEL));
                removeNetwork(network);
            }
        }
        for (JsonNode volume : Docker.inspect(Kind.VOLUME, labelFilter)) {
            Map<String, String> labels = Docker.labels(volume.path("Labels"));
            if (toRemove.test(labels)) {
                runs.add(labels.get(ComposeSanitiser.RUN_LABEL));
                quietly("volume", "rm", volume.path("Name").asText());
            }
        }
        // a run that died during its build left only its images, labelled by their build
        for (JsonNode image : Docker.inspect(Kind.IMAGE, labelFilter)) {
            Map<String, String> labels = Docker.labels(image.path("Config").path("Labels"));
            if (toRemove.test(labels)) {
                runs.add(labels.get(ComposeSanitiser.RUN_LABEL));
            }
        }
        runs.forEach(Sweeper::removeBuiltImages);
        return runs;
    }

    /**
     * Docker 20.10 sometimes keeps an endpoint of a network whose containers are all gone ("has active
     * endpoints"): such endpoints are disconnected by force first. A network that still cannot go is reported,
     * and must not stop every later boot.
     */
    private static void removeNetwork(JsonNode network) {
        String name = network.path("Name").asText();
        network.path("Containers").forEach(endpoint ->
                quietly("network", "disconnect", "-f", name, endpoint.path("Name").asText()));
        Shell.Result removed = Docker.run(Duration.ofSeconds(30), "network", "rm", name);
        if (!removed.ok()) {
            LOG.warn("Could not remove the network {} ({}); it goes when the Docker engine restarts", name,
                    removed.tail(1));
        }
    }

    /** The images a run built for its services are tagged obsgrader-RUN-SERVICE. */
    static void removeBuiltImages(String run) {
        Shell.Result images = Docker.run(Duration.ofSeconds(30), "images", "--format", "{{.Repository}}",
                "--filter", "reference=obsgrader-" + run + "-*");
        images.output().lines().filter(line -> !line.isBlank()).forEach(image ->
                Docker.run(Duration.ofMinutes(1), "image", "rm", "-f", image));
    }

    /** A sweep never stops a run: what cannot go now (still in use, already gone) goes at a later sweep. */
    private static void quietly(String... removal) {
        Shell.Result result = Docker.run(Duration.ofMinutes(1), removal);
        if (!result.ok()) {
            LOG.info("left for a later sweep: {}", result.tail(1));
        }
    }

    private static boolean isAbandoned(Map<String, String> labels) {
        String owner = labels == null ? null : labels.get(ComposeSanitiser.OWNER_LABEL);
        if (owner == null) {
            return false;
        }
        try {
            return ProcessHandle.of(Long.parseLong(owner)).map(p -> !p.isAlive()).orElse(true);
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
