package obsgrader.stack;

import static obsgrader.i18n.Message.msg;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import obsgrader.engine.Compose;
import obsgrader.engine.DebianCompose;
import obsgrader.engine.Docker.Container;
import obsgrader.engine.Engine;
import obsgrader.engine.EnvironmentFault;
import obsgrader.engine.Shell;
import obsgrader.i18n.Message;
import obsgrader.images.ImageSource;
import obsgrader.images.StandInImages;
import obsgrader.submission.ComposeFile;
import obsgrader.submission.LabRole;
import obsgrader.submission.Yaml;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A submission's compose stack booted in isolation by the compose command line ({@link Compose}, v2 or v1): a
 * sanitised copy in the run's folder, its own project, ephemeral loopback ports. {@link #close()} always saves
 * every service's log and removes every container, network, volume and built image of the run. What it asks of the
 * machine goes through a {@link Host} and an {@link Engine}, so that the boot's decisions are unit-tested on answers
 * recorded from a real engine.
 */
public final class LabStack implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LabStack.class);
    private static final int LOG_LINES_KEPT = 5000;
    /** Both flavours label each container with its service: the one name that does not differ between them. */
    private static final String SERVICE_LABEL = "com.docker.compose.service";

    /** The student's file as read; at the boot, the model compose resolves from it ({@link ResolvedCompose}). */
    private ComposeFile compose;
    private final String runId = UUID.randomUUID().toString().substring(0, 8);
    private Path runFolder;
    /** Services left out of the boot, with the reason: the others boot without them. */
    private final Map<String, Message> leftOut = new LinkedHashMap<>();
    private ImageSource images;
    private final Map<String, Message> notes = new LinkedHashMap<>();
    private final Duration buildTimeout = Duration.ofMinutes(10);
    private Duration upTimeout = Duration.ofMinutes(5);
    private Limits limits = Limits.DEFAULT;
    private SubmissionPolicy policy;
    private final Thread closeOnExit = new Thread(this::close, "obsgrader-stack-cleanup");
    private ComposeSanitiser sanitiser;
    private Path sanitisedFile;
    private Compose.Choice composeChoice = Compose.Choice.AUTO;
    private Compose composeCli;
    /** Where published ports are reached: the loopback, or a remote engine's host (read once, at the boot). */
    private String publishedHost = "127.0.0.1";
    private Egress egress;
    /** The verbs on the running stack's containers: the docker command line, or a test's recorded answers. */
    private Engine engine = Engine.DOCKER;
    /** The engine and compose that boot and remove the stack: this machine's, or a test's recorded answers. */
    private Host host = Host.local(DebianCompose.Source.DEFAULT);
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
     * cannot be had are left out, and the others' dependencies on them dropped. A service the lab does not
     * ask for is left out, too, when its image would not build; a lab service's failed build stops the boot.
     */
    public LabStack withImagesFrom(ImageSource images) {
        this.images = images;
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

    /** Plays the engine's verbs on the running stack against this engine (a test's recorded answers). */
    public LabStack withEngine(Engine engine) {
        this.engine = engine;
        return this;
    }

    /** Boots and removes the stack on this host (a missing Compose v2 fetched from the run's settings, or recorded answers). */
    public LabStack withHost(Host host) {
        this.host = host;
        return this;
    }

    /** Which compose boots the stack (default auto: v2 when there is one). */
    public LabStack withCompose(Compose.Choice choice) {
        this.composeChoice = choice;
        return this;
    }

    /** Refuses, before anything starts, a compose file the policy forbids (privileged, host mounts...). */
    public LabStack withPolicy(SubmissionPolicy policy) {
        this.policy = policy;
        return this;
    }

    /**
     * Leaves a service out of the boot, with the reason for the report; the others' dependencies on it are
     * dropped. Checks that need it say it was left out.
     */
    public LabStack withLeftOut(String service, Message reason) {
        leftOut.put(service, reason);
        notes.put(service, msg("grader.note.left-out", reason));
        return this;
    }

    public String runId() {
        return runId;
    }

    public Set<String> leftOut() {
        return leftOut.keySet();
    }

    /** Facts for the report's header: stand-in images used, services left out. */
    public Map<String, Message> notes() {
        return notes;
    }

    /** What the sanitiser changed in the copy that runs. */
    public List<Message> changes() {
        return sanitiser == null ? List.of() : sanitiser.changes();
    }

    /**
     * Builds what the submission builds, then starts every service. Throws {@link StackFailure} with the reason, or
     * {@link EnvironmentFault} when the machine is at fault; either way what the boot made is removed first
     * ({@link #close()}), since a caller given no stack has none to close.
     */
    public LabStack start() {
        try {
            boot();
            return this;
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private void boot() {
        Optional<Compose> resolver = host.resolver();
        SubmissionPolicy.Admission admission = policy != null ? policy.admit(compose, project(), resolver)
                : new SubmissionPolicy.Admission(ResolvedCompose.of(compose, project(), resolver), Map.of(), List.of());
        ResolvedCompose resolved = admission.resolved();
        compose = resolved.model();
        notes.put("resolved", msg("grader.note.resolved", resolved.by()));
        if (!resolved.emptied().isEmpty()) {
            notes.put("emptied", msg("grader.note.variables-empty", String.join(", ", resolved.emptied())));
        }
        if (!admission.allowed().isEmpty()) {
            notes.put("allowed", Message.clauses(admission.allowed()));
        }
        composeCli = host.prepare(composeChoice);
        notes.put("engine", Message.verbatim(host.describeEngine()));
        notes.put("compose", Message.verbatim(composeCli.describe()));
        host.sweepAbandoned();
        admission.leftOut().forEach((service, why) -> withLeftOut(service, msg("grader.note.not-asked", why)));
        if (images != null) {
            leaveOutUnavailable(images.ensure(compose.requiredImages(leftOut.keySet())));
        }
        if (runFolder == null) {
            runFolder = Path.of(System.getProperty("java.io.tmpdir"), "obsgrader-" + runId);
        }
        publishedHost = host.publishedHost();
        sanitisedFile = runFolder.resolve("docker-compose.sanitised.yml");
        writeSanitised();
        if (buildEach()) {
            writeSanitised();
        }
        // the bridges do not exist yet: the rules keyed on their names hold from the first packet `up` lets out
        egress = host.cutEgress(runId, sanitiser.bridges());
        // Ctrl-C runs shutdown hooks: the stack goes with the JVM; kill -9 is for Sweeper at the next start.
        Runtime.getRuntime().addShutdownHook(closeOnExit);
        Shell.Result up = host.compose(composeCli, upTimeout, project(), sanitisedFile, "up", "-d", "--no-build");
        engineMustAnswer("compose up", up);
        if (up.timedOut()) {
            throw new StackFailure(msg("grader.stack.up-timeout", upTimeout.toMinutes(), upOutput()));
        }
        if (!up.ok()) {
            throw new StackFailure(msg("grader.stack.up-failed", up.tail(5), upOutput()));
        }
        egress.confirm();
        egress.notCut().ifPresentOrElse(reason -> notes.put("egress not cut", reason),
                () -> notes.put("egress", egress.describe()));
    }

    /**
     * Services whose image cannot be had here are left out; so are services the lab does not ask for whose
     * build starts FROM such an image. A lab service's build that cannot start stops the boot: offline.
     */
    private void leaveOutUnavailable(StandInImages.Outcome outcome) {
        outcome.standIns().forEach((image, provides) -> notes.put(image, msg("grader.note.stand-in", provides)));
        Set<String> labServices = labServices();
        compose.services().forEach((name, service) -> {
            if (leftOut.containsKey(name)) {
                return;
            }
            if (!compose.isBuilt(name)) {
                String image = service.path("image").asText("");
                if (outcome.unavailable().contains(StandInImages.reference(image))) {
                    withLeftOut(name, msg("grader.note.not-available", image));
                }
                return;
            }
            compose.dockerfile(name).map(ComposeFile::baseImages).orElse(Set.of()).stream()
                    .filter(base -> outcome.unavailable().contains(StandInImages.reference(base)))
                    .findFirst()
                    .ifPresent(base -> {
                        Message reason = msg("grader.note.base-not-available", base);
                        if (labServices.contains(name)) {
                            throw BuildFailure.offline(name, reason);
                        }
                        withLeftOut(name, reason);
                    });
        });
    }

    private Set<String> labServices() {
        return Arrays.stream(LabRole.values()).map(compose::serviceFor).flatMap(Optional::stream)
                .collect(Collectors.toSet());
    }

    private void writeSanitised() {
        sanitiser = new ComposeSanitiser(runId, leftOut, limits).publishingOn(host.bindAddress());
        Yaml.write(sanitisedFile, sanitiser.sanitise(compose));
        compose(Duration.ofMinutes(1), msg("grader.stack.invalid-compose", composeCli.describe()), "config", "-q");
    }

    /**
     * Builds each service that builds, one at a time, so that a failure is its own: a lab service's stops the
     * boot (the student's fault, or this machine's when it is offline: {@link BuildFailure}); another
     * service's leaves it out. Whether any was left out (the sanitised file must then be written again).
     */
    private boolean buildEach() {
        Set<String> labServices = labServices();
        boolean leftOutAny = false;
        for (String name : compose.services().keySet()) {
            if (!compose.isBuilt(name) || leftOut.containsKey(name)) {
                continue;
            }
            // v1's --force-rm: the engine itself removes a failed step's container, even when the grader dies mid-build
            String[] words = composeCli.flavour() == Compose.Flavour.V1 ? new String[] {"build", "--force-rm", name}
                    : new String[] {"build", name};
            Shell.Result build = host.compose(composeCli, buildTimeout, project(), sanitisedFile, words);
            engineMustAnswer("compose build " + name, build);
            if (build.timedOut()) {
                throw new StackFailure(msg("grader.stack.build-timeout", name, buildTimeout.toMinutes(), build.tail(20)));
            }
            if (build.ok()) {
                continue;
            }
            // a failed build names in its output the step containers and images it left
            host.removeBuildLeftovers(build.output());
            BuildFailure failure = BuildFailure.of(name, build.output());
            if (labServices.contains(name)) {
                throw failure;
            }
            withLeftOut(name, msg("grader.stack.build-failed", name, failure.errorLine()));
            leftOutAny = true;
        }
        return leftOutAny;
    }

    /** The run's compose project: lower case, letters, digits and dashes, as v2 requires and v1 accepts. */
    private String project() {
        return "obsgrader-" + runId;
    }

    private void compose(Duration timeout, Message meaning, String... words) {
        Shell.Result result = host.compose(composeCli, timeout, project(), sanitisedFile, words);
        String command = "compose " + String.join(" ", words);
        engineMustAnswer(command, result);
        if (result.timedOut()) {
            throw new StackFailure(msg("grader.stack.command-timeout", command, timeout.toMinutes(), meaning, result.tail(20)));
        }
        if (!result.ok()) {
            throw new StackFailure(msg("grader.stack.command-failed", meaning, command, result.tail(20)));
        }
    }

    /** A compose command that failed where no engine answers is the machine's fault, never the submission's. */
    private void engineMustAnswer(String command, Shell.Result result) {
        if (!result.ok() && !host.engineAnswers()) {
            throw new EnvironmentFault(msg("grader.machine.engine-gone", command, result.tail(3)));
        }
    }

    private Message upOutput() {
        List<Message> states = services().stream().filter(s -> !s.running()).map(ServiceState::state).toList();
        return states.isEmpty() ? Message.NONE : msg("grader.stack.not-running", states);
    }

    /** The containers of this run, found by the label the sanitiser put on every service (names differ by flavour). */
    private List<Container> containers() {
        return engine.containers(ComposeSanitiser.RUN_LABEL + "=" + runId);
    }

    private static String serviceOf(Container container) {
        return container.label(SERVICE_LABEL).orElse("?");
    }

    private Container container(String service) {
        return containers().stream()
                .filter(c -> service.equals(serviceOf(c)))
                .findFirst()
                .orElseThrow(() -> new StackFailure(msg("grader.stack.no-container", service)));
    }

    public List<ServiceState> services() {
        return containers().stream().map(LabStack::state)
                .sorted((a, b) -> a.service().compareTo(b.service())).toList();
    }

    private static ServiceState state(Container container) {
        return new ServiceState(serviceOf(container), container.id(), container.status(), container.running(),
                container.restarting(), container.restartCount(), container.exitCode());
    }

    /**
     * The URI of a service's container port (on the engine's loopback, or its host when it is remote). Looked up
     * each time: a restarted container gets a new host port. A service that is down or crash-looping has no port
     * to give: that is said at once, rather than waited out.
     */
    public URI endpoint(String service, int containerPort) {
        Container container = container(service);
        ServiceState state = state(container);
        if (!state.running() || state.restarting()) {
            throw new StackFailure(msg("grader.stack.down", state.state()));
        }
        String hostPort = container.hostPort(containerPort).orElseThrow(() -> new StackFailure(
                msg("grader.stack.no-port", service, String.valueOf(containerPort))));
        return URI.create("http://" + publishedHost + ":" + hostPort);
    }

    public Optional<URI> endpointIfPublished(String service, int containerPort) {
        try {
            return Optional.of(endpoint(service, containerPort));
        } catch (StackFailure e) {
            return Optional.empty();
        }
    }

    /**
     * Stops a service's container, by id: the same under either flavour. An outage, not a maintenance: 2 s to go
     * quietly, then killed (a PID 1 that ignores SIGTERM, as {@code python app.py} does, would hold Docker's 10 s).
     */
    public void stop(String service) {
        engine(Duration.ofSeconds(30), "stop", "-t", "2", container(service).id());
    }

    public void start(String service) {
        engine(Duration.ofSeconds(30), "start", container(service).id());
    }

    /** An engine command on a container that exists: its failure is the machine's, not the submission's. */
    private void engine(Duration timeout, String... args) {
        Shell.Result result = engine.run(timeout, args);
        if (!result.ok()) {
            throw new EnvironmentFault(msg("grader.machine.docker-failed", String.join(" ", args), result.tail(3)));
        }
    }

    /** Runs a command inside a service's container, as {@code docker exec} does. */
    public Shell.Result exec(String service, Duration timeout, String... command) {
        List<String> args = new ArrayList<>(List.of("exec", container(service).id()));
        args.addAll(List.of(command));
        return engine.run(timeout, args.toArray(String[]::new));
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
        if (composeCli != null) {
            Shell.Result down = host.compose(composeCli, Duration.ofMinutes(2), project(), sanitisedFile,
                    "down", "--volumes", "--remove-orphans", "--timeout", "10");
            if (!down.ok()) {
                LOG.warn("compose down failed ({}); removing the run's resources directly", down.tail(3));
            }
        }
        try {
            host.sweepRun(runId);
        } catch (EnvironmentFault e) {
            LOG.warn("could not sweep run {}: {}", runId, e.getMessage());
        }
    }

    private void saveLogs() {
        Path logs = runFolder.resolve("logs");
        try {
            Files.createDirectories(logs);
            for (Container container : containers()) {
                Optional<String> hostAccess = hostAccess(container);
                if (hostAccess.isPresent()) {
                    notes.put("log " + serviceOf(container), msg("grader.note.log-withheld", hostAccess.get()));
                    continue;
                }
                Shell.Result log = engine.run(Duration.ofSeconds(30), "logs", "--tail", String.valueOf(LOG_LINES_KEPT),
                        container.id());
                Files.writeString(logs.resolve(serviceOf(container) + ".log"), log.output());
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("could not save the services' logs: {}", e.getMessage());
        }
    }

    /**
     * What of the host a container could read, as the engine says (not as the compose file says): a bind mount
     * from outside the submission, or privileges. Such a container's log is not copied into the report.
     */
    private Optional<String> hostAccess(Container container) {
        JsonNode host = container.inspect().path("HostConfig");
        if (host.path("Privileged").asBoolean(false)) {
            return Optional.of("privileged");
        }
        for (JsonNode mount : container.inspect().path("Mounts")) {
            String source = mount.path("Source").asText();
            if ("bind".equals(mount.path("Type").asText()) && (policy == null || !policy.trusts(Path.of(source)))) {
                return Optional.of(source);
            }
        }
        return Optional.empty();
    }

    /** The sanitised compose file that runs (in the run's folder). */
    public File sanitisedFile() {
        return sanitisedFile.toFile();
    }
}
