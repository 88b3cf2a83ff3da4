package obsgrader.checks.alerts;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import obsgrader.checks.Check;
import obsgrader.checks.RubricCheck;
import obsgrader.checks.GradingContext;
import obsgrader.checks.Verdict;
import obsgrader.engine.Shell;

/** At least three rule files are loaded (every rule_files glob matching on the host), and promtool accepts them. */
@RubricCheck(id = "alerts.rule-files", title = "At least 3 rule files, loaded by prometheus.yml, valid for promtool check rules")
public final class RuleFilesValid implements Check {
    private static final int LAB_MINIMUM = 3;

    @Override
    public Verdict judge(GradingContext context) {
        Map<String, List<Path>> globs = context.submission().ruleFileGlobs();
        List<Path> files = context.submission().ruleFiles();
        List<String> problems = new ArrayList<>();
        context.submission().prometheusConfig().map(config -> context.submission().parse(config))
                .filter(parsed -> !parsed.ok())
                .ifPresent(parsed -> problems.add("prometheus.yml, which names the rule files, does not parse: "
                        + parsed.invalid().problem()));
        globs.forEach((pattern, matched) -> {
            if (matched.isEmpty()) {
                problems.add("rule_files entry '" + pattern + "' matches no file (mapped through the compose mounts)");
            }
        });
        if (files.size() < LAB_MINIMUM) {
            problems.add(files.size() + " rule file(s) loaded, the lab asks for " + LAB_MINIMUM);
        }
        Shell.Result promtool = files.isEmpty() ? null
                : context.tools().promtool(files, withFiles(files, "check", "rules"));
        if (promtool != null && !promtool.ok()) {
            problems.add("promtool check rules: " + promtool.failure(4));
        }
        boolean valid = promtool != null && promtool.ok() && globs.values().stream().noneMatch(List::isEmpty);
        // each rule file the lab asks for is a third; a file set promtool refuses (Prometheus would not start) halves it
        double share = (Math.min(files.size(), LAB_MINIMUM) / (double) LAB_MINIMUM) * (valid ? 1 : 0.5);
        Verdict verdict = Verdict.fromFiles(share)
                .expected(LAB_MINIMUM + " or more rule files, every rule_files pattern matching, promtool check rules OK")
                .found(problems.isEmpty() ? files.size() + " files, promtool OK" : String.join("; ", problems))
                .at("prometheus.yml rule_files -> " + files.stream().map(p -> p.getFileName().toString()).toList())
                .hint(hint(globs, files, promtool));
        return promtool == null ? verdict : verdict.attach("promtool check rules", promtool.output());
    }

    /** What to do about what was found, and only that: a student whose files are all mounted is not told to mount them. */
    private static String hint(Map<String, List<Path>> globs, List<Path> files, Shell.Result promtool) {
        List<String> steps = new ArrayList<>();
        if (globs.values().stream().anyMatch(List::isEmpty)) {
            steps.add("rule_files names paths inside the prometheus container: mount the rule files there "
                    + "(e.g. ./prometheus/rules:/etc/prometheus/rules) or fix the pattern");
        }
        if (files.size() < LAB_MINIMUM) {
            steps.add("split the rules into infrastructure, application and SLO files, each listed by rule_files");
        }
        if (promtool != null && !promtool.ok()) {
            steps.add("fix what promtool check rules reports: Prometheus refuses to start with it");
        }
        return steps.isEmpty() ? "" : String.join("; ", steps) + ".";
    }

    static String[] withFiles(List<Path> files, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        files.forEach(f -> all.add(f.toString()));
        return all.toArray(String[]::new);
    }
}
