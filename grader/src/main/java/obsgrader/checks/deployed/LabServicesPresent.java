package obsgrader.checks.deployed;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import obsgrader.checks.Check;
import obsgrader.checks.RubricCheck;
import obsgrader.checks.GradingContext;
import obsgrader.checks.Verdict;
import obsgrader.submission.ComposeFile;
import obsgrader.submission.LabRole;
import obsgrader.submission.Submission;

/** The compose file parses and runs the lab's twelve services. */
@RubricCheck(id = "deployed.compose-services", title = "docker-compose.yml is valid and runs the 12 lab services")
public final class LabServicesPresent implements Check {
    @Override
    public Verdict judge(GradingContext context) {
        Optional<Verdict> refused = Refused.verdict(context);
        if (refused.isPresent()) {
            return refused.get();
        }
        Submission submission = context.submission();
        if (submission.compose().isEmpty()) {
            return Verdict.fromFiles(0)
                    .expected("a compose file (" + String.join(", ", Submission.COMPOSE_NAMES) + ") with a 'services:' mapping")
                    .found(submission.composePath().isEmpty() ? "none" : submission.invalidFiles().get(0).problem())
                    .at(submission.composePath().map(Object::toString).orElse(submission.root().toString()))
                    .hint("Put docker-compose.yml at the root of the submission; check it with `docker-compose config -q`.");
        }
        ComposeFile compose = submission.compose().get();
        List<String> missing = Arrays.stream(LabRole.values())
                .filter(role -> compose.serviceFor(role).isEmpty())
                .map(LabRole::labName)
                .toList();
        int total = LabRole.values().length;
        return Verdict.fromFiles(Verdict.share(total - missing.size(), total))
                .expected("the 12 lab services")
                .found(missing.isEmpty() ? "all 12" : "no service for " + String.join(", ", missing))
                .at(compose.file().toString())
                .hint(missing.isEmpty() ? "" : "Add the missing services with the lab's images (e.g. prom/node-exporter).");
    }
}
