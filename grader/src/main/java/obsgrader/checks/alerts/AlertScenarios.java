package obsgrader.checks.alerts;

import static obsgrader.i18n.Message.msg;

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
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import obsgrader.checks.GradingContext;
import obsgrader.checks.Verdict;
import obsgrader.engine.Shell;
import obsgrader.grading.PromDuration;
import obsgrader.i18n.Message;
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
    private static final String UP = "1x120";
    private static final String DOWN = "0x120";

    public record Series(String series, String values) {
    }

    /**
     * One incident: the lab alert it stands for, the alerts that may catch it (any when absent),
     * how the student's own version of that alert is known ({@code named}, {@code reads}), and its series.
     */
    public record Scenario(String id, @JsonProperty("lab_alert") String labAlert, String alerts,
                           String named, String reads, List<Series> series) {
        /** What the incident is, in the words of a reason: "the api's target is down (up = 0, probe_success = 0)". */
        public Message meaning() {
            return msg("alerts.scenario." + id);
        }

        /** The student's alerts written for this incident: named for it and reading its metric. */
        List<Rule> ownVersions(List<Rule> alerts, List<Rule> rules) {
            if (named == null || reads == null) {
                return List.of();
            }
            Pattern name = Pattern.compile(named);
            Pattern metric = Pattern.compile(reads);
            Map<String, String> recorded = Rule.recorded(rules);
            return alerts.stream().filter(a -> PLAIN_NAME.matcher(a.alert()).matches() && !SLO_ALERT.matcher(a.alert()).find()
                    && name.matcher(a.alert()).find()
                    && metric.matcher(Symptom.expanded(a.expr(), recorded)).find()).toList();
        }
    }

    record Data(List<Series> healthy, @JsonProperty("lab_traffic") List<Series> labTraffic, List<Scenario> scenarios) {
    }

    /**
     * A scenario's outcome: whether an alert (not one that fires on healthy series) caught it, the student's own
     * versions of its lab alert that did not fire, and promtool's words.
     */
    public record Outcome(Scenario scenario, boolean passed, List<Rule> own, List<Rule> silent, String output) {
        /** The student's own versions of the incident's lab alert that fired in it. */
        public List<Rule> fired() {
            return own.stream().filter(rule -> !silent.contains(rule)).toList();
        }

        /** The series the incident was played with, in the submission's names, for a reason to show. */
        public List<String> playedWith(SubmissionTerms terms) {
            return scenario.series().stream().flatMap(s -> terms.apply(s.series()).stream().map(n -> n + " " + s.values()))
                    .toList();
        }
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
                .expected(msg("alerts.scenarios.expected-loadable"))
                .found(msg("alerts.scenarios.unloadable", check.failure(2)))
                .at(msg("alerts.scenarios.check-rules"))
                .hint(msg("alerts.scenarios.hint-unloadable")));
    }

    /** Each scenario must fire an alert (matching its {@code alerts} pattern, if it has one). */
    public static Outcome fires(GradingContext context, Scenario scenario) {
        return fires(context, scenario, Set.of());
    }

    /**
     * The scenario must fire an alert (matching its {@code alerts} pattern, if it has one) other than those that
     * fire on healthy series ({@code firingWhenHealthy}: they cover nothing), and every one of the student's own
     * versions of its lab alert must fire.
     */
    public static Outcome fires(GradingContext context, Scenario scenario, Set<String> firingWhenHealthy) {
        String excluded = firingWhenHealthy.isEmpty() ? ""
                : ", alertname!~\"" + firingWhenHealthy.stream().filter(n -> PLAIN_NAME.matcher(n).matches())
                .collect(Collectors.joining("|")) + "\"";
        String selector = scenario.alerts() == null ? "ALERTS{alertstate=\"firing\"" + excluded + "}"
                : "ALERTS{alertstate=\"firing\", alertname=~\"" + scenario.alerts() + "\"" + excluded + "}";
        List<Rule> rules = Rule.all(context.submission());
        List<Rule> own = scenario.ownVersions(rules.stream().filter(Rule::isAlert).toList(), rules);
        List<ObjectNode> checks = new ArrayList<>(List.of(firing(selector, context)));
        own.forEach(rule -> checks.add(firing("ALERTS{alertstate=\"firing\", alertname=\"" + rule.alert() + "\"}", context)));
        Shell.Result result = run(context, scenario, withFailing(scenario), checks);
        Set<String> failed = failedAlertNames(result.output());
        boolean caught = result.ok() || !failedMainCheck(result.output());
        List<Rule> silent = result.ok() ? List.of() : own.stream().filter(rule -> failed.contains(rule.alert())).toList();
        return new Outcome(scenario, caught, own, silent, result.output());
    }

    private static ObjectNode firing(String selector, GradingContext context) {
        ObjectNode check = Yaml.JSON.createObjectNode()
                .put("expr", "(count(" + selector + ") or vector(0)) > bool 0")
                .put("eval_time", evalTime(context));
        check.putArray("exp_samples").addObject().put("labels", "{}").put("value", 1);
        return check;
    }

    /** SLO, budget and burn-rate alerts answer to their own windows: the SLO checks judge them, not an incident's. */
    private static final Pattern SLO_ALERT = Pattern.compile("(?i)slo|sli|budget|burn");
    /** Alert names that need no escaping in a PromQL regex (Prometheus' own metric-name characters). */
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_:][A-Za-z0-9_:]*");
    private static final Pattern FAILED_EXPR = Pattern.compile("expr: \"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern OWN_ALERT = Pattern.compile("alertname=\\\\\"([^\\\\\"]+)\\\\\"");

    /** The alert names of the per-alert checks promtool reports failed. */
    private static Set<String> failedAlertNames(String output) {
        Set<String> names = new LinkedHashSet<>();
        Matcher expr = FAILED_EXPR.matcher(output);
        while (expr.find()) {
            Matcher name = OWN_ALERT.matcher(expr.group(1));
            if (name.find()) {
                names.add(name.group(1));
            }
        }
        return names;
    }

    /** Whether promtool reports the incident's own check (any alert firing) failed. */
    private static boolean failedMainCheck(String output) {
        Matcher expr = FAILED_EXPR.matcher(output);
        while (expr.find()) {
            if (!OWN_ALERT.matcher(expr.group(1)).find()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether an expression of the student's rules (a recorded SLI, say) reads {@code expectedValue} ({@code {}}
     * labels) during a scenario: {@code min(sli:availability:ratio_rate5m) < bool 0.99} is 1 when errors burn.
     */
    public static boolean evaluates(GradingContext context, String scenarioId, String expr, double expectedValue) {
        Scenario scenario = scenarios().stream().filter(s -> s.id().equals(scenarioId)).findFirst().orElseThrow();
        ObjectNode check = Yaml.JSON.createObjectNode().put("expr", expr).put("eval_time", evalTime(context));
        check.putArray("exp_samples").addObject().put("labels", "{}").put("value", expectedValue);
        return run(context, scenario, withFailing(scenario), List.of(check)).ok();
    }

    /** The healthy series must fire nothing; promtool's output then names the alerts that did fire. */
    public static Outcome quietWhenHealthy(GradingContext context) {
        return quietOn(context, new Scenario("healthy", null, null, null, null, List.of()));
    }

    /**
     * Nothing should fire on the lab's healthy traffic either, whose API fails about 5 % of orders by design: an
     * alert that does pages all day on a healthy shop. Judged on series, not on the live stack, where a minute of
     * traffic is a random sample (5 % of about a hundred orders) that would make the verdict a draw.
     */
    public static Outcome quietUnderLabTraffic(GradingContext context) {
        return quietOn(context, new Scenario("lab-traffic", null, null, null, null, DATA.labTraffic()));
    }

    private static Outcome quietOn(GradingContext context, Scenario healthy) {
        ObjectNode check = Yaml.JSON.createObjectNode()
                .put("expr", "ALERTS{alertstate=\"firing\"}")
                .put("eval_time", evalTime(context));
        check.putArray("exp_samples");
        Shell.Result result = run(context, healthy, withFailing(healthy), List.of(check));
        return new Outcome(healthy, result.ok(), List.of(), List.of(), result.output());
    }

    /** The healthy series, with those the scenario names replaced (same metric and labels) and its others added. */
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

    private static Shell.Result run(GradingContext context, Scenario scenario, List<Series> series, List<ObjectNode> checks) {
        List<Path> ruleFiles = context.submission().ruleFiles();
        ObjectNode test = Yaml.JSON.createObjectNode();
        ArrayNode files = test.putArray("rule_files");
        ruleFiles.forEach(file -> files.add(file.toString()));
        test.put("evaluation_interval", context.evaluationInterval().toSeconds() + "s");
        ObjectNode group = test.putArray("tests").addObject();
        group.put("interval", STEP.toSeconds() + "s");
        ArrayNode input = group.putArray("input_series");
        SubmissionTerms terms = SubmissionTerms.of(context);
        Map<String, String> named = new LinkedHashMap<>();
        // the submission's own targets first: the scenario's series, renamed, win where they meet
        boolean outage = "instance-down".equals(scenario.id()) && terms.noApiTarget();
        terms.everyTarget(outage ? DOWN : UP).forEach(s -> named.put(s.series(), s.values()));
        series.forEach(s -> terms.apply(s.series()).forEach(name -> named.put(name, s.values())));
        named.forEach((name, values) -> input.addObject().put("series", name).put("values", values));
        ArrayNode tests = group.putArray("promql_expr_test");
        checks.forEach(tests::add);
        return context.tools().promtoolOn(scenario.id() + "-test.yml", test, ruleFiles, "test", "rules");
    }
}
