package obsgrader.checks.docs;

import static obsgrader.i18n.Message.msg;

import java.util.List;
import java.util.stream.Collectors;
import obsgrader.checks.Check;
import obsgrader.checks.RubricCheck;
import obsgrader.checks.GradingContext;
import obsgrader.checks.Verdict;
import obsgrader.i18n.Message;
import obsgrader.submission.Rule;

/** Every alerting rule tells the on-call what happened: a summary and a description. Partial by share of alerts. */
@RubricCheck(id = "docs.alert-annotations")
public final class AlertsAnnotated implements Check {
    private static final List<String> REQUIRED = List.of("summary", "description");

    @Override
    public Verdict judge(GradingContext context) {
        List<Rule> alerts = Rule.alerts(context.submission());
        if (alerts.isEmpty()) {
            return Verdict.fromFiles(0).expected(msg("docs.alert-annotations.expected-rules"))
                    .found(msg("docs.alert-annotations.no-rule"))
                    .at(Message.verbatim(context.submission().prometheusConfig().map(Object::toString).orElse("prometheus.yml")))
                    .hint(msg("docs.alert-annotations.hint-rules"));
        }
        List<Rule> offenders = alerts.stream().filter(a -> !lacking(a).isEmpty()).toList();
        return Verdict.fromFiles(Verdict.share(alerts.size() - offenders.size(), alerts.size()))
                .expected(msg("docs.alert-annotations.expected"))
                .found(offenders.isEmpty() ? msg("docs.alert-annotations.all", alerts.size())
                        : msg("docs.alert-annotations.lacking", offenders.size(), alerts.size(), offenders.stream()
                        .map(a -> msg("docs.alert-annotations.offender", a.where(), a.name(),
                                lacking(a).stream().map(key -> msg("docs.alert-annotations.no", key)).toList())).toList()))
                .at(Message.verbatim(offenders.stream().map(a -> a.file().getFileName().toString()).distinct().toList()))
                .hint(offenders.isEmpty() ? Message.NONE : msg("docs.alert-annotations.hint"))
                .measured(msg("docs.alert-annotations.all", alerts.size()));
    }

    private static List<String> lacking(Rule alert) {
        return REQUIRED.stream().filter(key -> alert.annotations().getOrDefault(key, "").isBlank()).toList();
    }
}
