package obsgrader.checks.metrics;

import static obsgrader.i18n.Message.msg;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import obsgrader.checks.Check;
import obsgrader.checks.RubricCheck;
import obsgrader.checks.GradingContext;
import obsgrader.checks.Verdict;
import obsgrader.checks.dashboard.SubmissionFiles;
import obsgrader.checks.deployed.StandIns;
import obsgrader.engine.Shell;
import obsgrader.i18n.Message;
import obsgrader.submission.ComposeFile;
import obsgrader.submission.LabRole;
import obsgrader.submission.Submission;

/** prometheus.yml has a job per lab target, the blackbox probe relabelled right, and passes promtool. */
@RubricCheck(id = "metrics.scrape-jobs", title = "prometheus.yml has a job per target, blackbox relabelling, and passes promtool check config")
public final class ScrapeJobsConfigured implements Check {
    private static final List<LabRole> SCRAPED = List.of(LabRole.PROMETHEUS, LabRole.NODE_EXPORTER, LabRole.API,
            LabRole.NGINX_EXPORTER, LabRole.POSTGRES_EXPORTER, LabRole.REDIS_EXPORTER);
    private static final double CADVISOR_FOR_NODE = 0.5;

    /** The blackbox job judged in thirds: a /probe job, its relabelling to the exporter, probing nginx's and the API's /health. */
    private record Blackbox(double share, List<Message> problems) {
    }

    @Override
    public Verdict judge(GradingContext context) {
        Submission submission = context.submission();
        Optional<Path> config = submission.prometheusConfig();
        if (config.isEmpty() || !submission.parse(config.get()).ok()) {
            return Verdict.fromFiles(0).expected(msg("metrics.scrape-jobs.expected-file"))
                    .found(config.isEmpty() ? msg("metrics.none") : Message.verbatim(submission.parse(config.get()).invalid()))
                    .at(Message.verbatim(submission.root()));
        }
        JsonNode scrapeConfigs = submission.parse(config.get()).tree().path("scrape_configs");
        ComposeFile compose = submission.compose().orElse(null);
        List<Message> problems = new ArrayList<>();
        double jobs = 0;
        for (LabRole role : SCRAPED) {
            Set<String> hosts = hostsOf(compose, role);
            Set<Integer> ports = portsOf(compose, role);
            if (scraped(jobs(scrapeConfigs), hosts, ports)
                    || role == LabRole.API && scrapesImage(scrapeConfigs, compose, "opentelemetry-collector", "opentelemetry-collector-contrib")) {
                // an API exporting through an OpenTelemetry collector reaches Prometheus through the collector's job
                jobs++;
            } else if (role == LabRole.NODE_EXPORTER && scrapesImage(scrapeConfigs, compose, "cadvisor")) {
                // cAdvisor measures the containers, not the host: half of the node job
                jobs += CADVISOR_FOR_NODE;
                problems.add(msg("metrics.scrape-jobs.cadvisor-for-node"));
            } else {
                String host = hosts.iterator().next();
                problems.add(host.equals(role.labName()) ? msg("metrics.scrape-jobs.no-job", host, ports.iterator().next())
                        : msg("metrics.scrape-jobs.no-job-lab", host, ports.iterator().next(), role.labName()));
            }
        }
        Blackbox blackbox = blackbox(scrapeConfigs, compose);
        problems.addAll(blackbox.problems());
        Shell.Result promtool = checkConfig(context, config.get());
        if (!promtool.ok()) {
            problems.add(msg("metrics.scrape-jobs.promtool", promtool.failure(3)));
        }
        // the lab's seven jobs (the blackbox one judged in thirds); a config promtool refuses costs one job more
        // (what it breaks at run time is charged on the live lines)
        int labJobs = SCRAPED.size() + 1;
        double fraction = Math.max(0, jobs + blackbox.share() - (promtool.ok() ? 0 : 1)) / labJobs;
        return Verdict.fromFiles(fraction)
                .expected(msg("metrics.scrape-jobs.expected", SCRAPED.stream().map(LabRole::labName).toList()))
                .found(problems.isEmpty() ? msg("metrics.scrape-jobs.all") : Message.clauses(problems))
                .at(Message.verbatim(SubmissionFiles.where(submission, config.get(), 0)))
                .hint(problems.isEmpty() ? Message.NONE : msg("metrics.scrape-jobs.hint"))
                .measured(msg("metrics.scrape-jobs.measured", SCRAPED.size() + 1))
                .attach("promtool check config", promtool.output());
    }

    /** The host names a lab role's service answers to (Prometheus also scrapes itself as localhost). */
    static Set<String> hostsOf(ComposeFile compose, LabRole role) {
        Set<String> hosts = new LinkedHashSet<>();
        if (role == LabRole.PROMETHEUS) {
            hosts.addAll(List.of("localhost", "127.0.0.1"));
        }
        List<String> standIns = compose == null ? List.of() : StandIns.of(compose, role);
        if (compose != null && !compose.servicesFor(role).isEmpty()) {
            hosts.addAll(compose.hostsOf(role));
        } else if (!standIns.isEmpty()) {
            standIns.forEach(service -> hosts.addAll(compose.hostsOf(service)));
        } else {
            hosts.add(role.labName());
        }
        return hosts;
    }

    /** The ports the role's services listen on, the lab's first. */
    static Set<Integer> portsOf(ComposeFile compose, LabRole role) {
        Set<Integer> ports = new LinkedHashSet<>(List.of(role.port()));
        if (compose != null) {
            compose.servicesFor(role).forEach(service -> ports.addAll(compose.portsOf(service)));
            StandIns.of(compose, role).forEach(service -> ports.addAll(compose.portsOf(service)));
        }
        return ports;
    }

    /** Every static target of the config's jobs, but the blackbox probes' (they are URLs probed, not scraped). */
    private static List<String> jobs(JsonNode scrapeConfigs) {
        List<String> targets = new ArrayList<>();
        for (JsonNode job : scrapeConfigs) {
            if (!"/probe".equals(job.path("metrics_path").asText())) {
                job.path("static_configs").forEach(c -> c.path("targets").forEach(t -> targets.add(t.asText())));
            }
        }
        return targets;
    }

    private static boolean scraped(List<String> targets, Set<String> hosts, Set<Integer> ports) {
        return targets.stream().anyMatch(target -> hosts.stream().anyMatch(host -> ports.stream().anyMatch(port -> target.equals(host + ":" + port))));
    }

    /** Whether a job scrapes a service running one of these images. */
    private static boolean scrapesImage(JsonNode scrapeConfigs, ComposeFile compose, String... images) {
        return compose != null && jobs(scrapeConfigs).stream().map(t -> t.replaceFirst(":\\d+$", ""))
                .map(compose::serviceAt).flatMap(Optional::stream).anyMatch(service -> StandIns.runs(compose, service, images));
    }

    private static Blackbox blackbox(JsonNode jobs, ComposeFile compose) {
        Set<String> blackboxHosts = hostsOf(compose, LabRole.BLACKBOX_EXPORTER);
        for (JsonNode job : jobs) {
            if (!"/probe".equals(job.path("metrics_path").asText())) {
                continue;
            }
            List<Message> problems = new ArrayList<>();
            List<String> targets = new ArrayList<>();
            job.path("static_configs").forEach(c -> c.path("targets").forEach(t -> targets.add(t.asText())));
            double share = 1.0 / 3;
            boolean nginx = probesHealth(targets, hostsOf(compose, LabRole.NGINX));
            boolean api = probesHealth(targets, hostsOf(compose, LabRole.API));
            share += (nginx ? 1.0 / 6 : 0) + (api ? 1.0 / 6 : 0);
            if (!nginx || !api) {
                problems.add(msg("metrics.scrape-jobs.no-probe", job.path("job_name").asText(), targets));
            }
            boolean target = relabels(job, "__address__", "__param_target");
            boolean instance = relabels(job, "__param_target", "instance");
            boolean address = false;
            for (JsonNode relabel : job.path("relabel_configs")) {
                address |= "__address__".equals(relabel.path("target_label").asText())
                        && blackboxHosts.stream().anyMatch(h -> relabel.path("replacement").asText().equals(h + ":9115"));
            }
            if (target && instance && address) {
                share += 1.0 / 3;
            } else {
                problems.add(msg("metrics.scrape-jobs.relabelling", blackboxHosts.iterator().next() + ":9115"));
            }
            return new Blackbox(share, problems);
        }
        return new Blackbox(0, List.of(msg("metrics.scrape-jobs.no-blackbox"), msg("metrics.scrape-jobs.no-relabelling")));
    }

    /** Whether a probe target is a service's health URL: {@code http://web/health}, {@code backend:8000/health}. */
    private static boolean probesHealth(List<String> targets, Set<String> hosts) {
        return targets.stream().map(t -> t.replaceFirst("^\\w+://", ""))
                .anyMatch(t -> t.contains("/health") && hosts.stream().anyMatch(h -> t.matches(Pattern.quote(h) + "(:\\d+)?/.*")));
    }

    private static boolean relabels(JsonNode job, String from, String to) {
        for (JsonNode relabel : job.path("relabel_configs")) {
            if (relabel.path("source_labels").toString().contains("\"" + from + "\"")
                    && to.equals(relabel.path("target_label").asText())) {
                return true;
            }
        }
        return false;
    }

    /** promtool reads the config as Prometheus would, with its rule_files mapped to the host's files. */
    private static Shell.Result checkConfig(GradingContext context, Path config) {
        Submission submission = context.submission();
        ObjectNode copy = submission.parse(config).tree().deepCopy();
        ArrayNode ruleFiles = copy.putArray("rule_files");
        submission.ruleFileGlobs().forEach((pattern, matched) -> {
            if (matched.isEmpty()) {
                ruleFiles.add(pattern);
            }
            matched.forEach(file -> ruleFiles.add(file.toString()));
        });
        return context.tools().promtoolOn("prometheus.yml", copy, submission.ruleFiles(), "check", "config");
    }
}
