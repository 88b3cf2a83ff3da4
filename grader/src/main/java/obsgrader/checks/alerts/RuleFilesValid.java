package obsgrader.checks.alerts;

import static obsgrader.i18n.Message.msg;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import obsgrader.checks.Check;
import obsgrader.checks.RubricCheck;
import obsgrader.checks.GradingContext;
import obsgrader.checks.Verdict;
import obsgrader.engine.Shell;
import obsgrader.i18n.Message;
import obsgrader.submission.Rule;

/**
 * At least three rule files are loaded (every rule_files glob matching on the host), and promtool accepts them. The
 * lab's three files separate infrastructure, application and SLO rules: a file short of three whose rules are
 * separated into groups instead earns half a file's share for each group beyond one per file (the marking guide,
 * alerts.rule-files).
 */
@RubricCheck(id = "alerts.rule-files", title = "At least 3 rule files, loaded by prometheus.yml, valid for promtool check rules")
public final class RuleFilesValid implements Check {
    private static final int LAB_MINIMUM = 3;
    private static final double GROUP_FOR_A_FILE = 0.5;

    @Override
    public Verdict judge(GradingContext context) {
        Map<String, List<Path>> globs = context.submission().ruleFileGlobs();
        List<Path> files = context.submission().ruleFiles();
        List<Message> problems = new ArrayList<>();
        context.submission().prometheusConfig().map(config -> context.submission().parse(config))
                .filter(parsed -> !parsed.ok())
                .ifPresent(parsed -> problems.add(msg("alerts.rule-files.config-invalid", parsed.invalid().problem())));
        globs.forEach((pattern, matched) -> {
            if (matched.isEmpty()) {
                problems.add(msg("alerts.rule-files.no-match", pattern));
            }
        });
        long groups = Rule.all(context.submission()).stream().map(r -> r.file() + "\n" + r.group()).distinct().count();
        double standIns = Math.min(Math.max(0, groups - files.size()), Math.max(0, LAB_MINIMUM - files.size()));
        if (files.size() < LAB_MINIMUM) {
            problems.add(standIns > 0 ? msg("alerts.rule-files.too-few-groups", files.size(), LAB_MINIMUM, groups, (long) standIns)
                    : msg("alerts.rule-files.too-few", files.size(), LAB_MINIMUM));
        }
        Shell.Result promtool = files.isEmpty() ? null
                : context.tools().promtool(files, withFiles(files, "check", "rules"));
        if (promtool != null && !promtool.ok()) {
            problems.add(msg("alerts.rule-files.promtool", promtool.failure(4)));
        }
        boolean valid = promtool != null && promtool.ok() && globs.values().stream().noneMatch(List::isEmpty);
        // each rule file the lab asks for is a third; a file set promtool refuses (Prometheus would not start) halves it
        double share = ((Math.min(files.size(), LAB_MINIMUM) + GROUP_FOR_A_FILE * standIns) / LAB_MINIMUM) * (valid ? 1 : 0.5);
        Verdict verdict = Verdict.fromFiles(share)
                .expected(msg("alerts.rule-files.expected", LAB_MINIMUM))
                .found(problems.isEmpty() ? msg("alerts.rule-files.valid", files.size()) : Message.clauses(problems))
                .at(msg("alerts.rule-files.where", files.stream().map(p -> p.getFileName().toString()).toList()))
                .hint(hint(globs, files, promtool))
                .measured(msg("alerts.rule-files.valid", files.size()));
        return promtool == null ? verdict : verdict.attach("promtool check rules", promtool.output());
    }

    /** What to do about what was found, and only that: a student whose files are all mounted is not told to mount them. */
    private static Message hint(Map<String, List<Path>> globs, List<Path> files, Shell.Result promtool) {
        List<Message> steps = new ArrayList<>();
        if (globs.values().stream().anyMatch(List::isEmpty)) {
            steps.add(msg("alerts.rule-files.hint-mount"));
        }
        if (files.size() < LAB_MINIMUM) {
            steps.add(msg("alerts.rule-files.hint-split"));
        }
        if (promtool != null && !promtool.ok()) {
            steps.add(msg("alerts.rule-files.hint-fix"));
        }
        return steps.isEmpty() ? Message.NONE : msg("alerts.rule-files.hint", Message.clauses(steps));
    }

    static String[] withFiles(List<Path> files, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        files.forEach(f -> all.add(f.toString()));
        return all.toArray(String[]::new);
    }
}
