package obsgrader.stack;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.model.Container;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import obsgrader.engine.Shell;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

/**
 * Removes what grading runs left behind when their JVM died (kill -9, a crash, a power cut): every container,
 * network, volume and built image whose owner label names a process that no longer runs. Runs of live JVMs,
 * such as a batch grading in parallel, are left alone.
 */
public final class Sweeper {
    private static final Logger LOG = LoggerFactory.getLogger(Sweeper.class);

    private Sweeper() {
    }

    /** Sweeps abandoned runs; returns the ids of the runs removed. */
    public static synchronized Set<String> sweepAbandoned() {
        Set<String> abandoned = sweep(ComposeSanitiser.RUN_LABEL, Sweeper::isAbandoned);
        if (!abandoned.isEmpty()) {
            LOG.info("Removed what abandoned grading runs left behind: {}", abandoned);
        }
        return abandoned;
    }

    /** Removes whatever of one run is still there, found by the run label on its containers, networks and volumes. */
    public static synchronized void sweepRun(String run) {
        sweep(ComposeSanitiser.RUN_LABEL + "=" + run, labels -> true);
    }

    private static Set<String> sweep(String labelFilter, Predicate<Map<String, String>> toRemove) {
        DockerClient docker = DockerClientFactory.instance().client();
        List<String> label = List.of(labelFilter);
        Set<String> runs = new TreeSet<>();
        for (Container container : docker.listContainersCmd().withShowAll(true).withLabelFilter(label).exec()) {
            if (toRemove.test(container.getLabels())) {
                runs.add(container.getLabels().get(ComposeSanitiser.RUN_LABEL));
                quietly(() -> docker.removeContainerCmd(container.getId()).withForce(true).withRemoveVolumes(true).exec());
            }
        }
        docker.listNetworksCmd().withFilter("label", label).exec().stream()
                .filter(network -> toRemove.test(network.getLabels()))
                .forEach(network -> {
                    runs.add(network.getLabels().get(ComposeSanitiser.RUN_LABEL));
                    removeNetwork(docker, network.getName());
                });
        Optional.ofNullable(docker.listVolumesCmd().withFilter("label", label).exec().getVolumes()).orElse(List.of()).stream()
                .filter(volume -> toRemove.test(volume.getLabels()))
                .forEach(volume -> {
                    runs.add(volume.getLabels().get(ComposeSanitiser.RUN_LABEL));
                    quietly(() -> docker.removeVolumeCmd(volume.getName()).exec());
                });
        runs.forEach(Sweeper::removeBuiltImages);
        return runs;
    }

    /**
     * Docker 20.10 sometimes keeps an endpoint of a network whose containers are all gone ("has active
     * endpoints"): such endpoints are disconnected by force first. A network that still cannot go is reported,
     * and must not stop every later boot.
     */
    private static void removeNetwork(DockerClient docker, String network) {
        try {
            Optional.ofNullable(docker.inspectNetworkCmd().withNetworkId(network).exec().getContainers()).orElse(Map.of())
                    .values().forEach(endpoint -> quietly(() -> docker.disconnectFromNetworkCmd().withNetworkId(network)
                            .withContainerId(endpoint.getName()).withForce(true).exec()));
            docker.removeNetworkCmd(network).exec();
        } catch (DockerException e) {
            LOG.warn("Could not remove the network {} ({}); it goes when the Docker engine restarts", network,
                    e.getMessage().strip());
        }
    }

    /** The images a run built for its services are tagged obsgrader-RUN-SERVICE. */
    static void removeBuiltImages(String run) {
        Shell.Result images = Shell.run(Duration.ofSeconds(30), "docker", "images", "--format", "{{.Repository}}",
                "--filter", "reference=obsgrader-" + run + "-*");
        images.output().lines().filter(line -> !line.isBlank()).forEach(image ->
                Shell.run(Duration.ofMinutes(1), "docker", "image", "rm", "-f", image));
    }

    /** A sweep never stops a run: what cannot go now (still in use, already gone) goes at a later sweep. */
    private static void quietly(Runnable removal) {
        try {
            removal.run();
        } catch (RuntimeException e) {
            LOG.info("left for a later sweep: {}", e.getMessage());
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
