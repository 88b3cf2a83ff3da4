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

    @Override
    public Verdict judge(GradingContext context) {
        Submission submission = context.submission();
        Optional<Path> config = submission.prometheusConfig();
        if (config.isEmpty() || !submission.parse(config.get()).ok()) {
            return Verdict.fromFiles(0).expected(msg("metrics.scrape-jobs.expected-file"))
                    .found(config.isEmpty() ? msg("metrics.none") : Message.verbatim(submission.parse(config.get()).invalid()))
                    .at(Message.verbatim(submission.root()));
        }
        JsonNode jobs = submission.parse(config.get()).tree().path("scrape_configs");
        ComposeFile compose = submission.compose().orElse(null);
        List<Message> problems = new ArrayList<>();
        for (LabRole role : SCRAPED) {
            Set<String> hosts = hostsOf(compose, role);
            Set<Integer> ports = portsOf(compose, role);
            if (!scraped(jobs, hosts, ports)) {
                String host = hosts.iterator().next();
                problems.add(host.equals(role.labName()) ? msg("metrics.scrape-jobs.no-job", host, ports.iterator().next())
                        : msg("metrics.scrape-jobs.no-job-lab", host, ports.iterator().next(), role.labName()));
            }
        }
        problems.addAll(blackboxProblems(jobs, compose));
        Shell.Result promtool = checkConfig(context, config.get());
        if (!promtool.ok()) {
            problems.add(msg("metrics.scrape-jobs.promtool", promtool.failure(3)));
        }
        int items = SCRAPED.size() + 2 + 1;
        return Verdict.fromFiles(Verdict.share(items - Math.min(items, problems.size()), items))
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
        if (compose == null || compose.servicesFor(role).isEmpty()) {
            hosts.add(role.labName());
        } else {
            hosts.addAll(compose.hostsOf(role));
        }
        return hosts;
    }

    /** The ports the role's services listen on, the lab's first. */
    static Set<Integer> portsOf(ComposeFile compose, LabRole role) {
        Set<Integer> ports = new LinkedHashSet<>(List.of(role.port()));
        if (compose != null) {
            compose.servicesFor(role).forEach(service -> ports.addAll(compose.portsOf(service)));
        }
        return ports;
    }

    private static boolean scraped(JsonNode jobs, Set<String> hosts, Set<Integer> ports) {
        for (JsonNode job : jobs) {
            for (JsonNode staticConfig : job.path("static_configs")) {
                for (JsonNode target : staticConfig.path("targets")) {
                    if (hosts.stream().anyMatch(host -> ports.stream().anyMatch(port -> target.asText().equals(host + ":" + port)))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static List<Message> blackboxProblems(JsonNode jobs, ComposeFile compose) {
        Set<String> blackboxHosts = hostsOf(compose, LabRole.BLACKBOX_EXPORTER);
        for (JsonNode job : jobs) {
            if (!"/probe".equals(job.path("metrics_path").asText())) {
                continue;
            }
            List<Message> problems = new ArrayList<>();
            List<String> targets = new ArrayList<>();
            job.path("static_configs").forEach(c -> c.path("targets").forEach(t -> targets.add(t.asText())));
            if (!probesHealth(targets, hostsOf(compose, LabRole.NGINX)) || !probesHealth(targets, hostsOf(compose, LabRole.API))) {
                problems.add(msg("metrics.scrape-jobs.no-probe", job.path("job_name").asText(), targets));
            }
            boolean target = relabels(job, "__address__", "__param_target");
            boolean instance = relabels(job, "__param_target", "instance");
            boolean address = false;
            for (JsonNode relabel : job.path("relabel_configs")) {
                address |= "__address__".equals(relabel.path("target_label").asText())
                        && blackboxHosts.stream().anyMatch(h -> relabel.path("replacement").asText().equals(h + ":9115"));
            }
            if (!(target && instance && address)) {
                problems.add(msg("metrics.scrape-jobs.relabelling", blackboxHosts.iterator().next() + ":9115"));
            }
            return problems;
        }
        return List.of(msg("metrics.scrape-jobs.no-blackbox"), msg("metrics.scrape-jobs.no-relabelling"));
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
