package obsgrader.checks.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import obsgrader.checks.GradingContext;
import obsgrader.clients.PrometheusApi;
import obsgrader.submission.ComposeFile;
import obsgrader.submission.LabRole;
import obsgrader.submission.Rule;
import obsgrader.submission.Submission;

/**
 * The names a submission gives to what the lab's incidents are played on: the job and instance of its API, its
 * node exporter and its blackbox probe of the API (from its scrape config), and the label its rules read the
 * HTTP status from ({@code status}, {@code status_code}, {@code code}). The scenario file is written in the
 * reference's names; {@link #apply} turns a series into the submission's.
 */
final class SubmissionTerms {
    private static final Pattern STATUS_LABEL = Pattern.compile("http_requests_total\\s*\\{[^}]*?\\b(\\w+)\\s*(=~|!~|=|!=)\\s*\"[^\"]*[45]");

    private static final String API_JOB = "job=\"api\"";
    private static final String API_INSTANCE = "instance=\"api:5000\"";
    private static final String API_COUNTER = "http_requests_total";

    private final Map<String, String> replacements;
    /** Every scrape target of the API, its labels (job, instance, the student's own): replicas each get the API's series. */
    private final List<Map<String, String>> apiTargets;

    private SubmissionTerms(Map<String, String> replacements, List<Map<String, String>> apiTargets) {
        this.replacements = replacements;
        this.apiTargets = apiTargets;
    }

    /** Terms from their parts: renamings of the scenario file's names, and the API's targets. */
    static SubmissionTerms of(Map<String, String> replacements, List<Map<String, String>> apiTargets) {
        return new SubmissionTerms(replacements, apiTargets);
    }

    /**
     * The submission's terms; on a booted stack, the API's targets as its Prometheus scrapes them (job, instance and
     * labels after relabelling, whatever the names), otherwise as its scrape config writes them.
     */
    static SubmissionTerms of(GradingContext context) {
        SubmissionTerms fromFiles = of(context.submission());
        if (!context.bootsStacks()) {
            return fromFiles;
        }
        try {
            PrometheusApi prometheus = context.prometheus();
            List<Map<String, String>> live = apiTargets(prometheus.labelledTargets(),
                    context.submission().compose().map(c -> c.hostsOf(LabRole.API)).orElse(Set.of()),
                    () -> prometheus.query("group by (job, instance) (" + API_COUNTER + ")"));
            return live.isEmpty() ? fromFiles : new SubmissionTerms(fromFiles.replacements, live);
        } catch (Exception e) {
            // no stack, or a Prometheus that does not answer: the scrape config's names
            return fromFiles;
        }
    }

    /**
     * The API among Prometheus's targets: those scraped at one of its hosts, or, when the roles name none of them
     * (a service named and built as the student chose), those exposing the lab's request counter.
     */
    static List<Map<String, String>> apiTargets(List<PrometheusApi.LabelledTarget> targets, Set<String> apiHosts,
                                                Supplier<JsonNode> exposingTheCounter) {
        List<Map<String, String>> byHost = targets.stream()
                .filter(t -> !URI.create(t.scrapeUrl()).getPath().equals("/probe"))
                .filter(t -> apiHosts.contains(Objects.toString(URI.create(t.scrapeUrl()).getHost(), "")))
                .map(PrometheusApi.LabelledTarget::labels).toList();
        if (!byHost.isEmpty()) {
            return byHost;
        }
        Set<String> exposing = new HashSet<>();
        exposingTheCounter.get().forEach(s -> exposing.add(s.path("metric").path("job").asText() + " " + s.path("metric").path("instance").asText()));
        return targets.stream().map(PrometheusApi.LabelledTarget::labels)
                .filter(labels -> exposing.contains(labels.get("job") + " " + labels.get("instance"))).toList();
    }

    static SubmissionTerms of(Submission submission) {
        Map<String, String> replacements = new LinkedHashMap<>();
        JsonNode jobs = submission.prometheusConfig().map(c -> submission.parse(c).tree().path("scrape_configs"))
                .orElse(com.fasterxml.jackson.databind.node.MissingNode.getInstance());
        ComposeFile compose = submission.compose().orElse(null);
        List<Map<String, String>> apiTargets = new ArrayList<>();
        if (compose != null) {
            targets(jobs, compose.hostsOf(LabRole.API)).forEach(t -> {
                Map<String, String> labels = new LinkedHashMap<>();
                labels.put("job", t[0]);
                labels.put("instance", t[1]);
                apiTargets.add(labels);
            });
            targets(jobs, compose.hostsOf(LabRole.NODE_EXPORTER)).stream().findFirst().ifPresent(t -> {
                replacements.put("job=\"node\"", "job=\"" + t[0] + "\"");
                replacements.put("instance=\"node-exporter:9100\"", "instance=\"" + t[1] + "\"");
            });
            probeOfTheApi(jobs, compose.hostsOf(LabRole.API)).ifPresent(t -> {
                replacements.put("job=\"blackbox-http\"", "job=\"" + t[0] + "\"");
                replacements.put("instance=\"http://api:5000/health\"", "instance=\"" + t[1] + "\"");
            });
        }
        statusLabel(submission).filter(label -> !label.equals("status"))
                .ifPresent(label -> replacements.put("status=\"", label + "=\""));
        return new SubmissionTerms(replacements, apiTargets);
    }

    /**
     * A series of the scenario file in the submission's names (orders keep their {@code status} label); a
     * series of the API once for each of its targets, with the target's own labels.
     */
    List<String> apply(String series) {
        String renamed = rename(series);
        if (apiTargets.isEmpty() || !renamed.contains(API_INSTANCE)) {
            return List.of(renamed);
        }
        String withoutInstance = renamed.replaceAll("\\s*,\\s*" + Pattern.quote(API_INSTANCE) + "|" + Pattern.quote(API_INSTANCE) + "\\s*,\\s*", "");
        return apiTargets.stream().map(labels -> withoutInstance.replace(API_JOB, labelsOf(withoutInstance, labels))).toList();
    }

    /** The target's labels, written as a series' labels: those the series already sets are its own. */
    private static String labelsOf(String series, Map<String, String> labels) {
        StringBuilder written = new StringBuilder();
        labels.forEach((name, value) -> {
            boolean ownLabel = !name.equals("job") && !name.equals("instance") && series.matches("(?s).*[{,]\\s*" + name + "\\s*=.*");
            if (!ownLabel) {
                written.append(written.length() == 0 ? "" : ", ").append(name).append("=\"").append(value.replace("\"", "\\\"")).append('"');
            }
        });
        return written.toString();
    }

    private String rename(String series) {
        String renamed = series;
        for (Map.Entry<String, String> replacement : replacements.entrySet()) {
            boolean statusOfRequests = replacement.getKey().equals("status=\"");
            if (!statusOfRequests || series.startsWith("http_requests_total")) {
                renamed = renamed.replace(replacement.getKey(), replacement.getValue());
            }
        }
        return renamed;
    }

    /** Every job's target on one of the hosts: {job, instance}. */
    private static List<String[]> targets(JsonNode jobs, Set<String> hosts) {
        List<String[]> found = new ArrayList<>();
        for (JsonNode job : jobs) {
            if ("/probe".equals(job.path("metrics_path").asText())) {
                continue;
            }
            for (String target : targets(job)) {
                if (hosts.contains(target.replaceFirst(":\\d+$", ""))) {
                    found.add(new String[] {job.path("job_name").asText(), target});
                }
            }
        }
        return found;
    }

    /** The blackbox job and its target that probes the API (its relabelling makes the target the instance). */
    private static Optional<String[]> probeOfTheApi(JsonNode jobs, Set<String> apiHosts) {
        for (JsonNode job : jobs) {
            if (!"/probe".equals(job.path("metrics_path").asText())) {
                continue;
            }
            for (String target : targets(job)) {
                String host = target.replaceFirst("^\\w+://", "").replaceFirst("[:/].*$", "");
                if (apiHosts.contains(host)) {
                    return Optional.of(new String[] {job.path("job_name").asText(), target});
                }
            }
        }
        return Optional.empty();
    }

    private static List<String> targets(JsonNode job) {
        List<String> targets = new ArrayList<>();
        job.path("static_configs").forEach(c -> c.path("targets").forEach(t -> targets.add(t.asText())));
        return targets;
    }

    /** The label the submission's rules read the HTTP status from, when they read one. */
    private static Optional<String> statusLabel(Submission submission) {
        for (Rule rule : Rule.all(submission)) {
            Matcher label = STATUS_LABEL.matcher(rule.expr());
            while (label.find()) {
                if (!Set.of("job", "instance", "method", "endpoint", "path", "handler", "le").contains(label.group(1))) {
                    return Optional.of(label.group(1));
                }
            }
        }
        return Optional.empty();
    }
}
