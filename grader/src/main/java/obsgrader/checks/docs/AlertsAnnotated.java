package obsgrader.checks.docs;

import java.util.List;
import java.util.stream.Collectors;
import obsgrader.checks.Check;
import obsgrader.checks.RubricCheck;
import obsgrader.checks.GradingContext;
import obsgrader.checks.Verdict;
import obsgrader.submission.Rule;

/** Every alerting rule tells the on-call what happened: a summary and a description. Partial by share of alerts. */
@RubricCheck(id = "docs.alert-annotations", title = "Every alert has a summary and a description")
public final class AlertsAnnotated implements Check {
    private static final List<String> REQUIRED = List.of("summary", "description");

    @Override
    public Verdict judge(GradingContext context) {
        List<Rule> alerts = Rule.alerts(context.submission());
        if (alerts.isEmpty()) {
            return Verdict.fromFiles(0).expected("alerting rules with annotations summary and description")
                    .found("no alerting rule in the rule files prometheus.yml loads")
                    .at(context.submission().prometheusConfig().map(Object::toString).orElse("prometheus.yml"))
                    .hint("Add the lab's alert rules (prometheus/rules/*.yml) and list them under rule_files.");
        }
        List<Rule> offenders = alerts.stream().filter(a -> !lacking(a).isEmpty()).toList();
        return Verdict.fromFiles(Verdict.share(alerts.size() - offenders.size(), alerts.size()))
                .expected("annotations summary and description on every alert")
                .found(offenders.isEmpty() ? "all " + alerts.size() + " alerts annotated"
                        : offenders.size() + " of " + alerts.size() + " alerts lacking: " + offenders.stream()
                        .map(a -> a.where() + " " + a.name() + " (no " + String.join(", no ", lacking(a)) + ")")
                        .collect(Collectors.joining("; ")))
                .at(offenders.stream().map(a -> a.file().getFileName().toString()).distinct().collect(Collectors.joining(", ")))
                .hint(offenders.isEmpty() ? "" : "Give each alert annotations: summary (one line, with {{ $labels.instance }}) "
                        + "and description (what is wrong, with {{ $value }}).");
    }

    private static List<String> lacking(Rule alert) {
        return REQUIRED.stream().filter(key -> alert.annotations().getOrDefault(key, "").isBlank()).toList();
    }
}
