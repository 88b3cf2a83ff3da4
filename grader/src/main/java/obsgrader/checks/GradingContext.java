package obsgrader.checks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;
import obsgrader.clients.AlertmanagerApi;
import obsgrader.clients.PrometheusApi;
import obsgrader.clients.ShopClient;
import obsgrader.scenarios.LoadResults;
import obsgrader.scenarios.LoadTarget;
import obsgrader.stack.LabStack;
import obsgrader.stack.SubmissionPolicy;
import obsgrader.submission.LabRole;
import obsgrader.submission.Submission;
import obsgrader.tools.PromTools;

/** What a check may look at. The live parts throw {@link NotAssessed} when the stack is not there. */
public interface GradingContext {
    Submission submission();

    LabStack stack();

    /** The booted service playing a lab role; {@link NotAssessed} when there is none or it cannot run here. */
    String service(LabRole role);

    PrometheusApi prometheus();

    AlertmanagerApi alertmanager();

    ShopClient shop();

    /** What the grader refuses to run, with the folders a submission may use. */
    SubmissionPolicy policy();

    /** Whether this run boots the stack: a static run runs nothing, so its policy refuses nothing. */
    boolean bootsStacks();

    /** promtool and amtool (from the host, or from the Prometheus images when Docker may be used). */
    PromTools tools();

    /** The submission's evaluation interval (its scrape interval's default when it sets none). */
    Duration evaluationInterval();

    /** The submission's scrape interval (15 s when it sets none): the unit of every live deadline. */
    Duration scrapeInterval();

    /**
     * The load phase: the Gatling simulations against the stack's nginx, run once, when a check first asks
     * for them; every later call returns the same results.
     */
    LoadResults load();

    /** This run's load target: the stack's nginx and the run's load knobs (a burst uses them too). */
    LoadTarget loadTarget();

    /**
     * A value of this run computed once and shared by the checks that need it (the load's window, read by
     * every cross-check): the run holds it, nothing process-wide does.
     */
    <T> T once(Class<T> kind, Supplier<T> compute);

    /** This run's report folder: Gatling's HTML reports and the fault drills' timelines go there. */
    Path reportFolder();
}
