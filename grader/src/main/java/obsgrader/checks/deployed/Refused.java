package obsgrader.checks.deployed;

import static obsgrader.i18n.Message.msg;

import java.util.List;
import java.util.Optional;
import obsgrader.checks.GradingContext;
import obsgrader.checks.Verdict;
import obsgrader.i18n.Message;
import obsgrader.stack.SubmissionPolicy;

/**
 * A compose file the grader refuses to run earns nothing under "deployed", whatever else it gets right. Only
 * lab services are refused (extras needing privileges are left out of the boot), and only when a stack boots.
 */
final class Refused {
    private Refused() {
    }

    static Optional<Verdict> verdict(GradingContext context) {
        if (!context.bootsStacks()) {
            return Optional.empty();
        }
        List<SubmissionPolicy.Refusal> refusals = context.submission().compose()
                .map(compose -> context.policy().check(compose)).orElse(List.of());
        if (refusals.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Verdict.fromFiles(0)
                .expected(msg("deployed.refused.expected"))
                .found(msg("deployed.refused.found", SubmissionPolicy.Refusal.listed(refusals)))
                .at(Message.verbatim(context.submission().composePath().map(Object::toString).orElse("")))
                .hint(msg("deployed.refused.hint")));
    }
}
