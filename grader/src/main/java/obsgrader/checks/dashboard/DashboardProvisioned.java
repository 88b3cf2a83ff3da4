package obsgrader.checks.dashboard;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import obsgrader.checks.Check;
import obsgrader.checks.RubricCheck;
import obsgrader.checks.GradingContext;
import obsgrader.checks.Verdict;
import obsgrader.checks.dashboard.Provisioning.Provider;
import obsgrader.submission.LabRole;
import obsgrader.submission.Submission;

/**
 * The dashboard is provisioned: a file provider (a third of the points) whose path, inside the grafana
 * container, is mounted from the folder holding the exported JSON (a third), and that exported JSON is part
 * of the submission (a third).
 */
@RubricCheck(id = "dashboard.provisioned", title = "The dashboard is provisioned from the exported JSON in the submission")
public final class DashboardProvisioned implements Check {
    @Override
    public Verdict judge(GradingContext context) {
        Submission submission = context.submission();
        List<Path> exported = submission.dashboards();
        List<Provider> providers = Provisioning.providers(submission).stream()
                .filter(p -> "file".equals(p.type()) && !p.path().isEmpty()).toList();
        Optional<Provider> provider = providers.stream().filter(p -> !served(submission, p, exported).isEmpty())
                .findFirst().or(() -> providers.stream().findFirst());
        List<String> problems = new ArrayList<>();
        provider.ifPresentOrElse(p -> {
            Optional<Path> host = hostPath(submission, p);
            if (served(submission, p, exported).isEmpty()) {
                problems.add(host.map(h -> SubmissionFiles.where(submission, h, 0) + " holds no dashboard JSON")
                        .orElse(p.path() + " is not mounted from the submission in the grafana service"));
            }
        }, () -> problems.add("no dashboards provider of type file with options.path"));
        if (exported.isEmpty()) {
            problems.add(Dashboards.noneFound(submission));
        }
        long passed = Stream.of(provider.isPresent(), provider.filter(p -> !served(submission, p, exported).isEmpty()).isPresent(),
                !exported.isEmpty()).filter(b -> b).count();
        return Verdict.fromFiles(Verdict.share(passed, 3))
                .expected("a file provider whose options.path is mounted from the folder holding the exported dashboard JSON")
                .found(Stream.concat(provider.map(p -> describe(submission, p, exported)).stream(), problems.stream())
                        .collect(Collectors.joining("; ")))
                .at(provider.map(p -> SubmissionFiles.where(submission, p.file(), p.line()))
                        .or(() -> submission.grafanaProvisioning().map(p -> SubmissionFiles.where(submission, p, 0)))
                        .orElse("grafana/provisioning/dashboards/"))
                .hint(problems.isEmpty() ? "" : "Export the dashboard (Share > Export > Save to file) into grafana/dashboards/, "
                        + "mount ./grafana/dashboards on /var/lib/grafana/dashboards in the grafana service, and declare "
                        + "grafana/provisioning/dashboards/dashboards.yml: providers: [{name: techshop, type: file, "
                        + "options: {path: /var/lib/grafana/dashboards}}].");
    }

    private static String describe(Submission submission, Provider provider, List<Path> exported) {
        List<Path> served = served(submission, provider, exported);
        return "provider \"" + provider.name() + "\" reads " + provider.path()
                + hostPath(submission, provider).map(h -> " (" + SubmissionFiles.where(submission, h, 0) + " on the host)").orElse("")
                + (served.isEmpty() ? "" : ", serving " + served.stream().map(p -> p.getFileName().toString()).collect(Collectors.joining(", ")));
    }

    /** Where the provider's container path comes from on the host, through the grafana service's bind mounts. */
    private static Optional<Path> hostPath(Submission submission, Provider provider) {
        return submission.grafanaFile(provider.path());
    }

    private static List<Path> served(Submission submission, Provider provider, List<Path> exported) {
        return Dashboards.provisioned(submission).getOrDefault(provider, List.of());
    }
}
