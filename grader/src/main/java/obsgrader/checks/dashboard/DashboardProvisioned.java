package obsgrader.checks.dashboard;

import static obsgrader.i18n.Message.msg;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;
import java.util.stream.Stream;
import obsgrader.checks.Check;
import obsgrader.checks.RubricCheck;
import obsgrader.checks.GradingContext;
import obsgrader.checks.Verdict;
import obsgrader.checks.dashboard.Provisioning.Provider;
import obsgrader.i18n.Message;
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
        List<Provider> declared = Provisioning.providers(submission).stream()
                .filter(p -> "file".equals(p.type()) && !p.path().isEmpty()).toList();
        List<Provider> providers = declared.stream().filter(Provider::read).toList();
        Optional<Provider> provider = providers.stream().filter(p -> !served(submission, p, exported).isEmpty())
                .findFirst().or(() -> providers.stream().findFirst());
        List<Message> problems = new ArrayList<>();
        provider.ifPresentOrElse(p -> {
            Optional<Path> host = hostPath(submission, p);
            if (served(submission, p, exported).isEmpty()) {
                problems.add(host.map(h -> msg("dashboard.provisioned.empty-folder", SubmissionFiles.where(submission, h, 0)))
                        .orElse(msg("dashboard.provisioned.not-mounted", p.path())));
            }
        }, () -> problems.add(declared.isEmpty() ? msg("dashboard.provisioned.no-provider")
                : msg("dashboard.provisioned.not-read", SubmissionFiles.where(submission, declared.get(0).file(), declared.get(0).line()),
                        Provisioning.folderOf(submission, "dashboards"))));
        if (exported.isEmpty()) {
            problems.add(Dashboards.noneFound(submission));
        }
        List<Message> conflicts = uidConflicts(submission);
        problems.addAll(conflicts);
        long passed = Stream.of(provider.isPresent(),
                provider.filter(p -> !served(submission, p, exported).isEmpty()).isPresent() && conflicts.isEmpty(),
                !exported.isEmpty()).filter(b -> b).count();
        Optional<Message> described = provider.map(p -> describe(submission, p, exported));
        return Verdict.fromFiles(Verdict.share(passed, 3))
                .expected(msg("dashboard.provisioned.expected"))
                .found(Message.clauses(Stream.concat(described.stream(), problems.stream()).toList()))
                .at(Message.verbatim(provider.map(p -> SubmissionFiles.where(submission, p.file(), p.line()))
                        .or(() -> submission.grafanaProvisioning().map(p -> SubmissionFiles.where(submission, p, 0)))
                        .orElse("grafana/provisioning/dashboards/")))
                .hint(problems.isEmpty() ? Message.NONE : msg("dashboard.provisioned.hint"))
                .measured(described.orElse(Message.NONE));
    }

    private static Message describe(Submission submission, Provider provider, List<Path> exported) {
        List<String> served = served(submission, provider, exported).stream().map(p -> p.getFileName().toString()).toList();
        return msg("dashboard.provisioned.provider", provider.name(), provider.path(),
                hostPath(submission, provider).map(h -> msg("dashboard.provisioned.on-host", SubmissionFiles.where(submission, h, 0)))
                        .orElse(Message.NONE),
                served.isEmpty() ? Message.NONE : msg("dashboard.provisioned.serving", served));
    }

    /**
     * Provisioned dashboards that carry the same uid: Grafana loads one of them and logs a conflict for the others,
     * so what the student exported is not all served.
     */
    private static List<Message> uidConflicts(Submission submission) {
        Map<String, List<String>> byUid = new TreeMap<>();
        Dashboards.provisionedOnly(submission).stream().filter(dashboard -> !dashboard.uid().isBlank())
                .forEach(dashboard -> byUid.computeIfAbsent(dashboard.uid(), uid -> new ArrayList<>()).add(dashboard.name()));
        return byUid.entrySet().stream().filter(uid -> uid.getValue().size() > 1)
                .map(uid -> msg("dashboard.provisioned.same-uid", uid.getValue(), uid.getKey())).toList();
    }

    /** Where the provider's container path comes from on the host, through the grafana service's bind mounts. */
    private static Optional<Path> hostPath(Submission submission, Provider provider) {
        return submission.grafanaFile(provider.path());
    }

    private static List<Path> served(Submission submission, Provider provider, List<Path> exported) {
        return Dashboards.provisioned(submission).getOrDefault(provider, List.of());
    }
}
