package obsgrader.stack;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Ports;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import obsgrader.engine.DockerEngine;
import obsgrader.engine.Shell;
import obsgrader.images.StandInImages;
import obsgrader.submission.ComposeFile;
import obsgrader.submission.Yaml;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.DockerComposeContainer;

/**
 * A submission's compose stack booted in isolation through Testcontainers: a sanitised copy in the run's
 * folder, its own project, ephemeral loopback ports. {@link #close()} always saves every service's log
 * and removes every container, network, volume and built image of the run.
 */
public final class LabStack implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LabStack.class);
    private static final int LOG_LINES_KEPT = 5000;

    private final ComposeFile compose;
    private final String runId = UUID.randomUUID().toString().substring(0, 8);
    private Path runFolder;
    private Set<String> leftOut = Set.of();
    private StandInImages images;
    private final Map<String, String> notes = new LinkedHashMap<>();
    private Duration buildTimeout = Duration.ofMinutes(10);
    private Duration upTimeout = Duration.ofMinutes(5);
    private Limits limits = Limits.fromSystemProperties();
    private SubmissionPolicy policy;
    private final Thread closeOnExit = new Thread(this::close, "obsgrader-stack-cleanup");
    private ComposeSanitiser sanitiser;
    private Path sanitisedFile;
    private DockerComposeContainer<?> composition;
    private boolean closed;

    private LabStack(ComposeFile compose) {
        this.compose = compose;
    }

    public static LabStack of(ComposeFile compose) {
        return new LabStack(compose);
    }

    /** Where the sanitised compose file and the services' logs go. */
    public LabStack withRunFolder(Path runFolder) {
        this.runFolder = runFolder.toAbsolutePath().normalize();
        return this;
    }

    /**
     * Makes the images available before booting (local, pulled or built stand-ins); services whose image
     * cannot be had are left out, and the others' dependencies on them dropped.
     */
    public LabStack withImagesFrom(StandInImages images) {
        this.images = images;
        return this;
    }

    public LabStack withBuildTimeout(Duration buildTimeout) {
        this.buildTimeout = buildTimeout;
        return this;
    }

    public LabStack withUpTimeout(Duration upTimeout) {
        this.upTimeout = upTimeout;
        return this;
    }

    public LabStack withLimits(Limits limits) {
        this.limits = limits;
        return this;
    }

    /** Refuses, before anything starts, a compose file the policy forbids (privileged, host mounts...). */
    public LabStack withPolicy(SubmissionPolicy policy) {
        this.policy = policy;
        return this;
    }

    public String runId() {
        return runId;
    }

    public Set<String> leftOut() {
        return leftOut;
    }

    /** Facts for the report's header: stand-in images used, services left out. */
    public Map<String, String> notes() {
        return notes;
    }

    /** What the sanitiser changed in the copy that runs. */
    public List<String> changes() {
        return sanitiser == null ? List.of() : sanitiser.changes();
    }

    /** Builds what the submission builds, then starts every service. Throws {@link StackFailure} with the reason. */
    public LabStack start() {
        if (policy != null) {
            List<SubmissionPolicy.Refusal> refusals = policy.check(compose);
            if (!refusals.isEmpty()) {
                throw new StackFailure("refused to run: " + refusals.stream().map(Object::toString)
                        .collect(Collectors.joining("; ")));
            }
            policy.allowedExceptions(compose).forEach(allowed -> notes.put("allowed", allowed));
        }
        DockerEngine.ensureRunning();
        Sweeper.sweepAbandoned();
        Set<String> refusedExtras = new LinkedHashSet<>();
        if (policy != null) {
            policy.leftOut(compose).forEach((service, why) -> {
                refusedExtras.add(service);
                notes.put(service, "left out: the lab does not ask for this service and it needs " + why);
            });
        }
        if (images != null) {
            leftOut = new LinkedHashSet<>(leaveOutUnavailable(images.ensure(compose.requiredImages(refusedExtras))));
        }
        leftOut = union(leftOut, refusedExtras);
        if (runFolder == null) {
            runFolder = Path.of(System.getProperty("java.io.tmpdir"), "obsgrader-" + runId);
        }
        sanitiser = new ComposeSanitiser(runId, leftOut, limits);
        sanitisedFile = runFolder.resolve("docker-compose.sanitised.yml");
        Yaml.write(sanitisedFile, sanitiser.sanitise(compose));
        copyDotEnv();
        compose("config", Duration.ofMinutes(1), "the compose file is not valid for docker-compose 1.29");
        compose("build", buildTimeout, "a service's image would not build");
        composition = new DockerComposeContainer<>("obsgrader-" + runId + "-", List.of(sanitisedFile.toFile()))
                .withLocalCompose(true)
                .withPull(false)
                .withRemoveVolumes(true)
                .withRemoveImages(DockerComposeContainer.RemoveImages.LOCAL);
        // Ctrl-C runs shutdown hooks: the stack goes with the JVM; kill -9 is for Sweeper at the next start.
        Runtime.getRuntime().addShutdownHook(closeOnExit);
        ExecutorService up = Executors.newSingleThreadExecutor();
        try {
            up.submit(composition::start).get(upTimeout.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new StackFailure("docker-compose up did not finish within " + upTimeout.toMinutes() + " min" + upOutput());
        } catch (ExecutionException e) {
            throw new StackFailure("docker-compose up failed: " + rootMessage(e) + upOutput());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackFailure("interrupted while starting the stack");
        } finally {
            up.shutdownNow();
        }
        return this;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }

    private Set<String> leaveOutUnavailable(StandInImages.Outcome outcome) {
        outcome.standIns().forEach((image, provides) -> notes.put(image, "stand-in: " + provides));
        Set<String> unavailable = new LinkedHashSet<>();
        compose.services().forEach((name, service) -> {
            String image = service.path("image").asText("");
            if (!compose.isBuilt(name) && outcome.unavailable().contains(StandInImages.reference(image))) {
                unavailable.add(name);
                notes.put(name, "left out: " + image + " can be neither pulled nor built on this machine");
            }
        });
        return unavailable;
    }

    private void copyDotEnv() {
        Path dotEnv = compose.projectDir().resolve(".env");
        if (Files.isRegularFile(dotEnv)) {
            try {
                Files.copy(dotEnv, runFolder.resolve(".env"), StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private void compose(String command, Duration timeout, String meaning) {
        Shell.Result result = Shell.run(timeout, runFolder, Map.of(), "docker-compose", "-p", "obsgrader-" + runId + "-check",
                "-f", sanitisedFile.toString(), command);
        if (result.timedOut()) {
            throw new StackFailure("docker-compose " + command + " did not finish within " + timeout.toMinutes()
                    + " min (" + meaning + "):\n" + result.tail(20));
        }
        if (!result.ok()) {
            throw new StackFailure(meaning + " (docker-compose " + command + "):\n" + result.tail(20));
        }
    }

    private String upOutput() {
        List<String> states = services().stream().filter(s -> !s.running()).map(ServiceState::describe).toList();
        return states.isEmpty() ? "" : "\nservices not running: " + String.join(", ", states);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    /** The containers of this run, found by the label the sanitiser put on every service. */
    private List<Container> containers() {
        return docker().listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(ComposeSanitiser.RUN_LABEL, runId)).exec();
    }

    private Container container(String service) {
        return containers().stream()
                .filter(c -> service.equals(c.getLabels().get("com.docker.compose.service")))
                .findFirst()
                .orElseThrow(() -> new StackFailure("no container for service '" + service + "' in this run"));
    }

    public List<ServiceState> services() {
        List<ServiceState> states = new ArrayList<>();
        for (Container container : containers()) {
            states.add(state(container.getLabels().get("com.docker.compose.service"),
                    docker().inspectContainerCmd(container.getId()).exec()));
        }
        states.sort((a, b) -> a.service().compareTo(b.service()));
        return states;
    }

    private static ServiceState state(String service, InspectContainerResponse inspect) {
        InspectContainerResponse.ContainerState state = inspect.getState();
        return new ServiceState(service, inspect.getId(), state.getStatus(), Boolean.TRUE.equals(state.getRunning()),
                Boolean.TRUE.equals(state.getRestarting()), inspect.getRestartCount() == null ? 0 : inspect.getRestartCount(),
                state.getExitCodeLong() == null ? 0 : state.getExitCodeLong());
    }

    /**
     * The loopback URI of a service's container port. Looked up each time: a restarted container gets a new host port.
     * A service that is down or crash-looping has no port to give: that is said at once, rather than waited out.
     */
    public URI endpoint(String service, int containerPort) {
        InspectContainerResponse inspect = docker().inspectContainerCmd(container(service).getId()).exec();
        ServiceState state = state(service, inspect);
        if (!state.running() || state.restarting()) {
            throw new StackFailure(state.describe() + ": it cannot answer (its log is in the run's logs/ folder)");
        }
        Ports.Binding[] bindings = inspect.getNetworkSettings().getPorts().getBindings().get(ExposedPort.tcp(containerPort));
        if (bindings == null || bindings.length == 0) {
            throw new StackFailure("service '" + service + "' does not publish port " + containerPort
                    + " (add it under 'ports:' in the compose file)");
        }
        return URI.create("http://127.0.0.1:" + bindings[0].getHostPortSpec());
    }

    public Optional<URI> endpointIfPublished(String service, int containerPort) {
        try {
            return Optional.of(endpoint(service, containerPort));
        } catch (StackFailure e) {
            return Optional.empty();
        }
    }

    public void stop(String service) {
        docker().stopContainerCmd(container(service).getId()).withTimeout(10).exec();
    }

    public void start(String service) {
        docker().startContainerCmd(container(service).getId()).exec();
    }

    /** Runs a command inside a service's container, as {@code docker exec} does. */
    public Shell.Result exec(String service, Duration timeout, String... command) {
        List<String> args = new ArrayList<>(List.of("docker", "exec", container(service).getId()));
        args.addAll(List.of(command));
        return Shell.run(timeout, args.toArray(String[]::new));
    }

    @Override
    public synchronized void close() {
        if (sanitisedFile == null || closed) {
            return;
        }
        closed = true;
        if (Thread.currentThread() != closeOnExit) {
            try {
                Runtime.getRuntime().removeShutdownHook(closeOnExit);
            } catch (IllegalStateException | IllegalArgumentException e) {
                // the JVM is shutting down, or the hook was never added (the boot failed early)
            }
        }
        saveLogs();
        try {
            if (composition != null) {
                composition.stop();
            }
        } catch (RuntimeException e) {
            LOG.warn("docker-compose down failed ({}); removing the run's resources directly", rootMessage(e));
        }
        Sweeper.sweepRun(runId);
    }

    private void saveLogs() {
        Path logs = runFolder.resolve("logs");
        try {
            Files.createDirectories(logs);
            for (Container container : containers()) {
                String service = container.getLabels().get("com.docker.compose.service");
                Shell.Result log = Shell.run(Duration.ofSeconds(30), "docker", "logs", "--tail",
                        String.valueOf(LOG_LINES_KEPT), container.getId());
                Files.writeString(logs.resolve(service + ".log"), log.output());
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("could not save the services' logs: {}", e.getMessage());
        }
    }

    private static DockerClient docker() {
        return DockerClientFactory.instance().client();
    }

    /** The sanitised compose file that runs (in the run's folder). */
    public File sanitisedFile() {
        return sanitisedFile.toFile();
    }
}
