package obsgrader.grading;

import static obsgrader.i18n.Message.msg;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import obsgrader.checks.Check;
import obsgrader.checks.Fault;
import obsgrader.checks.GradingContext;
import obsgrader.checks.Need;
import obsgrader.checks.NotAssessed;
import obsgrader.checks.Patience;
import obsgrader.checks.Phase;
import obsgrader.checks.Verdict;
import obsgrader.clients.AlertmanagerApi;
import obsgrader.clients.NoAnswer;
import obsgrader.clients.PrometheusApi;
import obsgrader.clients.ShopClient;
import obsgrader.engine.Compose;
import obsgrader.engine.EnvironmentFault;
import obsgrader.i18n.Message;
import obsgrader.images.StandInImages;
import obsgrader.scenarios.LoadResults;
import obsgrader.scenarios.LoadTarget;
import obsgrader.scenarios.ShopLoad;
import obsgrader.stack.Host;
import obsgrader.stack.LabStack;
import obsgrader.stack.ResolvedCompose;
import obsgrader.stack.StackFailure;
import obsgrader.stack.SubmissionPolicy;
import obsgrader.submission.ComposeFile;
import obsgrader.submission.LabRole;
import obsgrader.submission.Submission;
import obsgrader.tools.PromTools;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One submission being graded: it judges checks in rubric order and boots the stack the first time a live
 * check needs it. Whose fault a failure is stays explicit: the submission's (a zero with the reason, the
 * live checks not assessed), or the machine's (the run is not gradable).
 */
public final class GradingRun implements GradingContext, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GradingRun.class);
    private static final Duration DEFAULT_SCRAPE = Duration.ofSeconds(15);
    private static final String API_REQUESTS = "http_requests_total";
    private static final int LINKS_LISTED = 5;

    private final Submission submission;
    private final Mode mode;
    private final Path runFolder;
    private final Map<String, Message> environmentNotes = new LinkedHashMap<>();
    /** What the run was told at the edge: it reads no system property itself. */
    private final RunSettings settings;
    /** No submission may hold the grading machine longer than the settings' deadline, whatever it does. */
    private final Instant deadline;
    private final PromTools tools;
    private final SubmissionPolicy policy;
    private Compose.Choice composeChoice;
    /** Where the boot and the load take their turn in a class; a run alone takes it at once. */
    private PhaseGate gate = PhaseGate.alone();
    private final Map<Class<?>, Object> shared = new ConcurrentHashMap<>();
    /** Each prerequisite's outcome, once resolved: empty when met, else why not. */
    private final Map<Need, Optional<Message>> prerequisites = new ConcurrentHashMap<>();
    // Two locks, not the run's monitor: the files' thread asks for the booted stack while the load phase (a minute)
    // runs on the main thread, and must not wait for it.
    private final Object bootLock = new Object();
    private final Object loadLock = new Object();
    /** When the checks' own shop traffic was last answered: the load waits for it to be scraped, no longer. */
    private final AtomicReference<Instant> lastShopRequest = new AtomicReference<>(Instant.EPOCH);
    private LabStack stack;
    private String notBooted;
    /** Why the stack did not boot when this machine, being offline, is at fault: what the live checks say. */
    private Message offlineReason;
    /** Written by whichever thread meets the fault: the files thread judges beside the main one. */
    private volatile Message environmentFault;
    private LoadResults load;
    private String loadFailure;

    /** With the default settings (a unit test's). */
    public GradingRun(Submission submission, Mode mode, Path runFolder, PromTools tools) {
        this(submission, mode, runFolder, tools, RunSettings.defaults());
    }

    public GradingRun(Submission submission, Mode mode, Path runFolder, PromTools tools, RunSettings settings) {
        this.mode = mode;
        this.runFolder = runFolder;
        this.tools = tools;
        this.settings = settings;
        this.deadline = Instant.now().plus(settings.deadline());
        this.composeChoice = settings.compose();
        this.policy = new SubmissionPolicy(Stream.concat(Stream.of(submission.root()), settings.referenceMaterial().stream()).toList());
        this.submission = resolved(submission);
        if (!submission.linksOut().isEmpty()) {
            environmentNotes.put("links-out", msg("grader.note.links-out", submission.linksOut().stream().limit(LINKS_LISTED)
                    .map(Path::toString).collect(Collectors.joining(", ")) + (submission.linksOut().size() > LINKS_LISTED ? ", …" : "")));
        }
    }

    /**
     * The submission with the model compose will run ({@link ResolvedCompose}): the checks read the services, host
     * paths and dependencies the policy judges and the stack runs, in static mode too. A file naming one outside
     * the submission keeps the grader's own reading (the boot refuses it); so does a machine without Compose v2,
     * and the report says which reading was graded.
     */
    private Submission resolved(Submission raw) {
        Optional<ComposeFile> compose = raw.compose().filter(file -> policy.references(file).isEmpty());
        if (compose.isEmpty()) {
            return raw;
        }
        try {
            ResolvedCompose resolved = ResolvedCompose.of(compose.get(), "obsgrader");
            environmentNotes.put("resolved", msg("grader.note.resolved", resolved.by()));
            if (!resolved.emptied().isEmpty()) {
                environmentNotes.put("emptied", msg("grader.note.variables-empty", String.join(", ", resolved.emptied())));
            }
            return raw.withCompose(resolved.model());
        } catch (StackFailure e) {
            // compose cannot read the file: the checks read what the grader can, the boot reports compose's words
            return raw;
        }
    }

    /** Where this run's measured work takes its turn. */
    void useGate(PhaseGate gate) {
        this.gate = gate;
    }

    /** Which compose boots this run's stack. */
    void useCompose(Compose.Choice choice) {
        this.composeChoice = choice;
    }

    @Override
    public SubmissionPolicy policy() {
        return policy;
    }

    @Override
    public boolean bootsStacks() {
        return mode != Mode.STATIC;
    }

    /**
     * Judges one check; never throws. Who pays for a failure is said by its type, where it happened: the stack's
     * silence ({@link NoAnswer}) or a stack that would not boot ({@link StackFailure}) costs the student the
     * check's points; a failed engine or compose command ({@link EnvironmentFault}) is the machine's; anything else,
     * the grader's own I/O included, is the grader's, and never costs the student anything.
     */
    public Verdict judge(Check check) {
        if (environmentFault != null) {
            return Verdict.faulted(Fault.MACHINE, msg("grader.fault.machine", environmentFault));
        }
        // the time spent waiting for the class's turns is the class's, not the submission's
        if (Instant.now().minus(gate.waited()).isAfter(deadline)) {
            return Verdict.notAssessed(msg("grader.deadline", settings.deadline().toMinutes()));
        }
        try {
            for (Need need : check.needs()) {
                Optional<Message> unmet = unmet(need);
                if (unmet.isPresent()) {
                    return Verdict.notAssessed(unmet.get());
                }
            }
            return check.judge(this);
        } catch (NotAssessed e) {
            return Verdict.notAssessed(e.cause());
        } catch (EnvironmentFault e) {
            environmentFault = e.reason();
            return Verdict.faulted(Fault.MACHINE, msg("grader.fault.machine", e.reason()));
        } catch (StackFailure e) {
            return Verdict.live(0).expected(msg("grader.complete-on-stack")).found(e.reason());
        } catch (NoAnswer e) {
            return Verdict.live(0).expected(msg("grader.complete")).found(crashedService(check).orElse(e.reason()));
        } catch (Exception | Error e) {
            // an AssertionError of a library, as much as an exception: the student reads what went wrong, not
            // the grader's insides (exception names, stack frames: those go to the log)
            LOG.warn("check {} failed", check.id(), e);
            return Verdict.faulted(Fault.GRADER, msg("grader.fault.error", String.valueOf(e.getMessage())));
        }
    }

    /**
     * The service a check needs that is down or crash-looping once it went silent: the cause, rather than the refused
     * request. A crash-looping container is "running" for a moment between restarts, long enough to be asked.
     */
    private Optional<Message> crashedService(Check check) {
        if (stack == null) {
            return Optional.empty();
        }
        try {
            Set<String> needed = new HashSet<>();
            check.needs().forEach(need -> need.service()
                    .flatMap(role -> submission.compose().flatMap(c -> c.serviceFor(role))).ifPresent(needed::add));
            return stack.services().stream().filter(state -> needed.contains(state.service()) && !state.healthy())
                    .findFirst().map(state -> msg("grader.stack.down", state.state()));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Lets a live check work out what the files alone tell; never throws (its judge() then does the work itself). */
    public void prepare(Check check) {
        try {
            check.prepare(this);
        } catch (Exception e) {
            LOG.debug("preparing {} from the files failed; it is judged in full in its turn", check.id(), e);
        }
    }

    /**
     * Why a prerequisite is not met, or empty when it is: resolved once a run (two threads resolving it at once get
     * the same answer: the boot and the load are each done once, under their own lock). Only its own "not assessed"
     * is kept; any other failure (a machine's fault, a stack that went down) is the check's, judged as it would be
     * inside it.
     */
    private Optional<Message> unmet(Need need) {
        Optional<Message> known = prerequisites.get(need);
        if (known == null) {
            try {
                switch (need) {
                    case STACK -> stack();
                    case PROMETHEUS, ALERTMANAGER -> service(need.service().orElseThrow());
                    case SHOP -> shopEntrance();
                    case LOAD -> load();
                }
                known = Optional.empty();
            } catch (NotAssessed e) {
                known = Optional.of(e.cause());
            }
            prerequisites.put(need, known);
        }
        return known;
    }

    /** Null when the run was gradable; otherwise the machine's fault that stopped it. */
    public Message environmentFault() {
        return environmentFault;
    }

    /** Facts of the grading environment for the report's header (stand-in images, services left out). */
    public Map<String, Message> environmentNotes() {
        return environmentNotes;
    }

    public Mode mode() {
        return mode;
    }

    @Override
    public Submission submission() {
        return submission;
    }

    @Override
    public LabStack stack() {
        synchronized (bootLock) {
            if (mode == Mode.STATIC) {
                throw new NotAssessed(msg("grader.static-mode"));
            }
            if (stack == null && notBooted == null) {
                boot();
            }
            if (offlineReason != null) {
                throw new NotAssessed(offlineReason);
            }
            if (notBooted != null) {
                throw new NotAssessed(msg("grader.not-booted"));
            }
            return stack;
        }
    }

    private void boot() {
        ComposeFile compose = submission.compose().orElse(null);
        if (compose == null) {
            notBooted = "no valid compose file";
            return;
        }
        LabStack candidate = LabStack.of(compose).withRunFolder(runFolder).withPolicy(policy).withCompose(composeChoice)
                .withHost(Host.local(settings.debian()))
                .withLimits(settings.limits()).withBuildCache(settings.buildCache())
                .withImagesFrom(StandInImages.fromCatalog());
        try {
            stack = gate.measured(Phase.BOOT, candidate::start);
        } catch (StackFailure e) {
            notBooted = e.getMessage();
            offlineReason = e.offline() ? e.reason() : null;
            if (e.offline()) {
                environmentNotes.put("offline", msg("grader.note.offline"));
            }
            environmentNotes.put("stack", msg("grader.note.did-not-boot", e.reason()));
            candidate.close();
        } finally {
            environmentNotes.putAll(candidate.notes());
            if (!candidate.changes().isEmpty()) {
                environmentNotes.put("sanitised", Message.clauses(candidate.changes()));
            }
        }
    }

    @Override
    public String service(LabRole role) {
        LabStack running = stack();
        String service = submission.compose().flatMap(c -> c.serviceFor(role))
                .orElseThrow(() -> new NotAssessed(msg("grader.no-service", role.labName())));
        if (running.leftOut().contains(service)) {
            throw new NotAssessed(msg("grader.cannot-run", service, environmentNotes.get(service)));
        }
        return service;
    }

    @Override
    public PrometheusApi prometheus() {
        return new PrometheusApi(stack().endpoint(service(LabRole.PROMETHEUS), LabRole.PROMETHEUS.port()));
    }

    @Override
    public AlertmanagerApi alertmanager() {
        return new AlertmanagerApi(stack().endpoint(service(LabRole.ALERTMANAGER), LabRole.ALERTMANAGER.port()));
    }

    @Override
    public ShopClient shop() {
        return new ShopClient(shopEntrance(), lastShopRequest::set);
    }

    @Override
    public PromTools tools() {
        return tools;
    }

    @Override
    public Duration scrapeInterval() {
        return globalDuration("scrape_interval").orElse(DEFAULT_SCRAPE);
    }

    @Override
    public Duration evaluationInterval() {
        return globalDuration("evaluation_interval").orElse(DEFAULT_SCRAPE);
    }

    private Optional<Duration> globalDuration(String key) {
        return submission.prometheusConfig()
                .map(config -> submission.parse(config).tree().path("global").path(key).asText(""))
                .flatMap(PromDuration::parse);
    }

    @Override
    public LoadResults load() {
        synchronized (loadLock) {
            if (load == null && loadFailure == null) {
                LoadTarget target = loadTarget();
                waitForQuietCounters();
                try {
                    load = gate.measured(Phase.TRAFFIC, () -> ShopLoad.run(target, gatlingReports()));
                    LOG.info("Load phase done in {} s; Gatling reports in {}", load.wallTime().toSeconds(), gatlingReports());
                } catch (RuntimeException e) {
                    LOG.warn("the load phase failed", e);
                    loadFailure = e.getMessage();
                }
            }
            if (load == null) {
                throw new NotAssessed(msg("grader.no-load", String.valueOf(loadFailure)));
            }
            return load;
        }
    }

    @Override
    public LoadTarget loadTarget() {
        return new LoadTarget(shopEntrance(), settings.knobs());
    }

    /**
     * Where customers and the load reach the shop: its nginx, or, in a stack that has none, the API itself on
     * a port it publishes. The missing nginx is charged once, on the line that names it (the lab's services);
     * every line that needs traffic is judged on what the stack has.
     */
    private URI shopEntrance() {
        ComposeFile compose = submission.compose().orElse(null);
        if (compose == null || compose.serviceFor(LabRole.NGINX).isPresent()) {
            return stack().endpoint(service(LabRole.NGINX), LabRole.NGINX.port());
        }
        String api = service(LabRole.API);
        return compose.portsOf(api).stream().map(port -> stack().endpointIfPublished(api, port))
                .flatMap(Optional::stream).findFirst()
                .orElseThrow(() -> new NotAssessed(msg("grader.no-entrance", api, compose.portsOf(api))));
    }

    /**
     * Waits for the API's first scrape after the checks' last shop request, so that the counters' value when the
     * load starts already holds every earlier check's requests: what grows afterwards is the load's alone. No
     * wait when that scrape has already happened (a check waited for it), nor when Prometheus has no such counter.
     */
    private void waitForQuietCounters() {
        PrometheusApi prometheus = prometheus();
        Instant lastRequest = lastShopRequest.get();
        Patience.waitUpTo(scrapeInterval().multipliedBy(2).plusSeconds(5),
                () -> prometheus.lastScraped(API_REQUESTS).map(scraped -> scraped.isAfter(lastRequest)).orElse(true));
    }

    @Override
    public <T> T once(Class<T> kind, Supplier<T> compute) {
        return kind.cast(shared.computeIfAbsent(kind, k -> compute.get()));
    }

    @Override
    public Path reportFolder() {
        return runFolder.toAbsolutePath();
    }

    private Path gatlingReports() {
        return reportFolder().resolve("gatling");
    }

    @Override
    public void close() {
        if (stack != null) {
            stack.close();
        }
    }
}
