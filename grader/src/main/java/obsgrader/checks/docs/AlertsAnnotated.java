package obsgrader.checks.docs;

import static obsgrader.i18n.Message.msg;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import obsgrader.checks.Check;
import obsgrader.checks.RubricCheck;
import obsgrader.checks.GradingContext;
import obsgrader.checks.Verdict;
import obsgrader.checks.dashboard.Wording;
import obsgrader.i18n.Message;
import obsgrader.submission.Rule;

/**
 * Every alerting rule tells the on-call what happened: a summary and a description, under the lab's keys or the
 * ones students use for them ({@code title}, {@code message}, {@code details}, French {@code resume}...). Each
 * annotation is half an alert's share: two alerts with a summary and no description earn half the points, not
 * none (the marking guide, docs.alert-annotations).
 */
@RubricCheck(id = "docs.alert-annotations")
public final class AlertsAnnotated implements Check {
    /** The two annotations the line asks for, each with the keys that say the same (compared lower-case, accents off). */
    private static final Map<String, Pattern> REQUIRED = required();

    /** Summary first: the reasons list what an alert lacks in this order. Students' own keys count. */
    private static Map<String, Pattern> required() {
        Map<String, Pattern> required = new LinkedHashMap<>();
        required.put("summary", Pattern.compile("summary|title|titre|resume|sommaire|headline"));
        required.put("description", Pattern.compile("description|message|details?|explication|info"));
        return Collections.unmodifiableMap(required);
    }

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
        int annotations = alerts.stream().mapToInt(a -> REQUIRED.size() - lacking(a).size()).sum();
        return Verdict.fromFiles(Verdict.share(annotations, REQUIRED.size() * alerts.size()))
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
        return REQUIRED.entrySet().stream().filter(required -> alert.annotations().entrySet().stream()
                .noneMatch(a -> required.getValue().matcher(Wording.normalise(a.getKey())).matches() && !a.getValue().isBlank()))
                .map(Map.Entry::getKey).toList();
    }
}
