package obsgrader.grading;

import static obsgrader.i18n.Message.msg;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import obsgrader.checks.Check;
import obsgrader.checks.GradingContext;
import obsgrader.checks.NotAssessed;
import obsgrader.checks.Patience;
import obsgrader.checks.Verdict;
import obsgrader.clients.AlertmanagerApi;
import obsgrader.clients.PrometheusApi;
import obsgrader.clients.ShopClient;
import obsgrader.engine.Compose;
import obsgrader.engine.EnvironmentFault;
import obsgrader.i18n.Message;
import obsgrader.images.StandInImages;
import obsgrader.scenarios.Knobs;
import obsgrader.scenarios.LoadResults;
import obsgrader.scenarios.LoadTarget;
import obsgrader.scenarios.ShopLoad;
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
    /** No submission may hold the grading machine longer than this, whatever it does. */
    private static final Duration RUN_DEADLINE = Duration.ofMinutes(Long.getLong("grader.deadline", 45));

    private final Submission submission;
    private final Mode mode;
    private final Path runFolder;
    private final Map<String, Message> environmentNotes = new LinkedHashMap<>();
    private final Instant deadline = Instant.now().plus(RUN_DEADLINE);
    private final PromTools tools;
    private final SubmissionPolicy policy;
    private Compose.Choice composeChoice = Compose.Choice.fromSystemProperties();
    /** The load's knobs as they were when the run began: a later run's settings never reach this one. */
    private final Knobs knobs = Knobs.fromSystemProperties();
    private final Map<Class<?>, Object> shared = new ConcurrentHashMap<>();
    /** When the checks' own shop traffic was last answered: the load waits for it to be scraped, no longer. */
    private final AtomicReference<Instant> lastShopRequest = new AtomicReference<>(Instant.EPOCH);
    private LabStack stack;
    private String notBooted;
    /** Why the stack did not boot when this machine, being offline, is at fault: what the live checks say. */
    private Message offlineReason;
    /** Written by whichever thread meets the fault: the files thread judges beside the main one. */
    private volatile String environmentFault;
    private LoadResults load;
    private String loadFailure;

    public GradingRun(Submission submission, Mode mode, Path runFolder, PromTools tools) {
        this.mode = mode;
        this.runFolder = runFolder;
        this.tools = tools;
        this.policy = new SubmissionPolicy(List.of(submission.root(), graderRoot().resolve("sample-api")));
        this.submission = resolved(submission);
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
            ResolvedCompose resolved = ResolvedCompose.of(compose.get(), "obsgrader", false);
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

    /** The grader's own folder: its sample-api is reference material a submission may build from. */
    private static Path graderRoot() {
        return Path.of(System.getProperty("obsgrader.root", ".")).toAbsolutePath().normalize();
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

    /** Judges one check; never throws. */
    public Verdict judge(Check check) {
        if (environmentFault != null) {
            return Verdict.notAssessed(msg("grader.fault.machine", environmentFault));
        }
        if (Instant.now().isAfter(deadline)) {
            return Verdict.notAssessed(msg("grader.deadline", RUN_DEADLINE.toMinutes()));
        }
        try {
            return check.judge(this);
        } catch (NotAssessed e) {
            return Verdict.notAssessed(e.cause());
        } catch (EnvironmentFault e) {
            environmentFault = e.getMessage();
            return Verdict.notAssessed(msg("grader.fault.machine", e.getMessage()));
        } catch (StackFailure e) {
            return Verdict.live(0).expected(msg("grader.complete-on-stack")).found(e.reason());
        } catch (Exception e) {
            LOG.warn("check {} failed", check.id(), e);
            return stackSilent(e).map(silence -> Verdict.live(0).expected(msg("grader.complete"))
                            .found(msg("grader.no-answer", String.valueOf(silence.getMessage()))))
                    .orElseGet(() -> Verdict.notAssessed(msg("grader.fault.error", String.valueOf(e.getMessage()))));
        }
    }

    /**
     * The stack's silence behind a failure (an I/O error talking to it, not one on the grader's own files), which
     * is the submission's doing; any
     * other failure is the grader's own, and never costs the student points. The student reads what went wrong,
     * not the grader's insides (exception names, stack frames: those go to the log).
     */
    private static Optional<IOException> stackSilent(Exception e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException silence && !(cause instanceof FileSystemException)) {
                return Optional.of(silence);
            }
        }
        return Optional.empty();
    }

    /** Null when the run was gradable; otherwise the machine's fault that stopped it. */
    public String environmentFault() {
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
    public synchronized LabStack stack() {
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

    private void boot() {
        ComposeFile compose = submission.compose().orElse(null);
        if (compose == null) {
            notBooted = "no valid compose file";
            return;
        }
        LabStack candidate = LabStack.of(compose).withRunFolder(runFolder).withPolicy(policy).withCompose(composeChoice)
                .withImagesFrom(StandInImages.fromCatalog());
        try {
            stack = candidate.start();
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
        return new ShopClient(stack().endpoint(service(LabRole.NGINX), LabRole.NGINX.port()), lastShopRequest::set);
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
    public synchronized LoadResults load() {
        if (load == null && loadFailure == null) {
            LoadTarget target = loadTarget();
            waitForQuietCounters();
            try {
                load = ShopLoad.run(target, gatlingReports());
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

    @Override
    public LoadTarget loadTarget() {
        return new LoadTarget(stack().endpoint(service(LabRole.NGINX), LabRole.NGINX.port()), knobs);
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
