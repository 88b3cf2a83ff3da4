package obsgrader.checks.alerts;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import obsgrader.checks.GradingContext;
import obsgrader.checks.Verdict;
import obsgrader.engine.Shell;
import obsgrader.grading.PromDuration;
import obsgrader.submission.Rule;
import obsgrader.submission.Yaml;

/**
 * Runs the scenarios of {@code alert-scenarios.yml} against the student's own rule files with
 * {@code promtool test rules}: the lab's alerts are judged by what fires, not by what they are called, on
 * series named as the submission names them (its jobs, instances and status label: {@link SubmissionTerms}).
 */
public final class AlertScenarios {
    private static final Duration STEP = Duration.ofSeconds(15);
    /** Longer {@code for}s are not waited out: the series last 30 minutes. */
    private static final Duration LONGEST_FOR = Duration.ofMinutes(15);

    public record Series(String series, String values) {
    }

    public record Scenario(String id, @JsonProperty("lab_alert") String labAlert, String meaning, String alerts,
                           List<Series> series) {
    }

    record Data(List<Series> healthy, List<Scenario> scenarios) {
    }

    /** A scenario's outcome: whether it went as expected, and promtool's words when not. */
    public record Outcome(Scenario scenario, boolean passed, String output) {
    }

    private static final Data DATA = load();

    private AlertScenarios() {
    }

    private static Data load() {
        try (InputStream in = AlertScenarios.class.getResourceAsStream("/obsgrader/alert-scenarios.yml")) {
            return Yaml.YAML.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(in, Data.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<Scenario> scenarios() {
        return DATA.scenarios();
    }

    /**
     * Zero points, saying why, when promtool cannot load the rule files: no scenario can run then (and Prometheus
     * would not start with them either), so "nothing fires" would be the wrong reason.
     */
    public static Optional<Verdict> whenRulesDoNotLoad(GradingContext context) {
        List<Path> ruleFiles = context.submission().ruleFiles();
        Shell.Result check = context.tools().promtool(ruleFiles, RuleFilesValid.withFiles(ruleFiles, "check", "rules"));
        return check.ok() ? Optional.empty() : Optional.of(Verdict.fromFiles(0)
                .expected("rule files promtool can load, to test the lab's incidents against")
                .found("they do not load, so no incident can be tested: " + check.failure(2))
                .at("promtool check rules")
                .hint("Fix the rule file promtool names: Prometheus refuses to start with it."));
    }

    /** Each scenario must fire an alert (matching its {@code alerts} pattern, if it has one). */
    public static Outcome fires(GradingContext context, Scenario scenario) {
        String selector = scenario.alerts() == null ? "ALERTS{alertstate=\"firing\"}"
                : "ALERTS{alertstate=\"firing\", alertname=~\"" + scenario.alerts() + "\"}";
        ObjectNode check = Yaml.JSON.createObjectNode()
                .put("expr", "(count(" + selector + ") or vector(0)) > bool 0")
                .put("eval_time", evalTime(context));
        check.putArray("exp_samples").addObject().put("labels", "{}").put("value", 1);
        return run(context, scenario, withFailing(scenario), check);
    }

    /** The healthy series must fire nothing; promtool's output then names the alerts that did fire. */
    public static Outcome quietWhenHealthy(GradingContext context) {
        ObjectNode check = Yaml.JSON.createObjectNode()
                .put("expr", "ALERTS{alertstate=\"firing\"}")
                .put("eval_time", evalTime(context));
        check.putArray("exp_samples");
        Scenario healthy = new Scenario("healthy", null, "every series healthy", null, List.of());
        return run(context, healthy, DATA.healthy(), check);
    }

    private static List<Series> withFailing(Scenario scenario) {
        Map<String, Series> series = new LinkedHashMap<>();
        DATA.healthy().forEach(s -> series.put(s.series(), s));
        scenario.series().forEach(s -> series.put(s.series(), s));
        return new ArrayList<>(series.values());
    }

    /** The rules' longest {@code for} (capped) plus two evaluation intervals: when every alert has had its chance. */
    static String evalTime(GradingContext context) {
        Duration longestFor = Rule.alerts(context.submission()).stream()
                .map(rule -> PromDuration.parse(rule.forDuration()).orElse(Duration.ZERO))
                .max(Duration::compareTo).orElse(Duration.ZERO);
        Duration at = (longestFor.compareTo(LONGEST_FOR) > 0 ? LONGEST_FOR : longestFor)
                .plus(context.evaluationInterval().multipliedBy(2));
        return at.toSeconds() + "s";
    }

    private static Outcome run(GradingContext context, Scenario scenario, List<Series> series, ObjectNode check) {
        List<Path> ruleFiles = context.submission().ruleFiles();
        ObjectNode test = Yaml.JSON.createObjectNode();
        ArrayNode files = test.putArray("rule_files");
        ruleFiles.forEach(file -> files.add(file.toString()));
        test.put("evaluation_interval", context.evaluationInterval().toSeconds() + "s");
        ObjectNode group = test.putArray("tests").addObject();
        group.put("interval", STEP.toSeconds() + "s");
        ArrayNode input = group.putArray("input_series");
        SubmissionTerms terms = SubmissionTerms.of(context.submission());
        series.forEach(s -> terms.apply(s.series()).forEach(name -> input.addObject().put("series", name).put("values", s.values())));
        group.putArray("promql_expr_test").add(check);
        Shell.Result result = context.tools().promtoolOn(scenario.id() + "-test.yml", test, ruleFiles, "test", "rules");
        return new Outcome(scenario, result.ok(), result.output());
    }
}
