package obsgrader.checks.deployed;

import static obsgrader.i18n.Message.msg;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import obsgrader.checks.Check;
import obsgrader.checks.RubricCheck;
import obsgrader.checks.GradingContext;
import obsgrader.checks.Verdict;
import obsgrader.i18n.Message;
import obsgrader.submission.ComposeFile;
import obsgrader.submission.LabRole;
import obsgrader.submission.Submission;

/** The compose file parses and runs the lab's twelve services, or what stands in for them ({@link StandIns}). */
@RubricCheck(id = "deployed.compose-services")
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
                    .expected(msg("deployed.compose-services.expected-file", Submission.COMPOSE_NAMES))
                    .found(submission.composePath().isEmpty() ? msg("deployed.none")
                            : Message.verbatim(submission.invalidFiles().get(0).problem()))
                    .at(Message.verbatim(submission.composePath().map(Object::toString).orElse(submission.root().toString())))
                    .hint(msg("deployed.compose-services.hint-file"));
        }
        ComposeFile compose = submission.compose().get();
        List<String> missing = Arrays.stream(LabRole.values())
                .filter(role -> compose.serviceFor(role).isEmpty() && StandIns.of(compose, role).isEmpty())
                .map(LabRole::labName)
                .toList();
        int total = LabRole.values().length;
        return Verdict.fromFiles(Verdict.share(total - missing.size(), total))
                .expected(msg("deployed.compose-services.expected", total))
                .found(missing.isEmpty() ? msg("deployed.compose-services.all", total) : msg("deployed.compose-services.missing", missing))
                .at(Message.verbatim(compose.file()))
                .hint(missing.isEmpty() ? Message.NONE : msg("deployed.compose-services.hint"))
                .measured(msg("deployed.compose-services.measured", total));
    }
}
