package obsgrader.checks.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import obsgrader.checks.Check;
import obsgrader.checks.RubricCheck;
import obsgrader.checks.GradingContext;
import obsgrader.checks.Patience;
import obsgrader.checks.Verdict;
import obsgrader.clients.PrometheusApi;
import obsgrader.submission.Rule;

/** The running Prometheus loaded every rule of the files, and evaluates each without error. */
@RubricCheck(id = "alerts.rules-loaded", title = "Prometheus loaded every rule and evaluates them without error", live = true)
public final class RulesHealthyLive implements Check {
    @Override
    public Verdict judge(GradingContext context) {
        PrometheusApi prometheus = context.prometheus();
        int inFiles = Rule.all(context.submission()).size();
        // a rule's health is "unknown" until its first evaluation
        Patience.waitUpTo(context.evaluationInterval().multipliedBy(3), () -> problems(prometheus.rules()).isEmpty() && count(prometheus.rules()) >= inFiles);
        JsonNode groups = prometheus.rules();
        List<String> problems = problems(groups);
        int loaded = count(groups);
        if (loaded < inFiles) {
            problems.add(0, loaded + " rules loaded of the " + inFiles + " in the files");
        }
        return Verdict.live(inFiles == 0 ? 0 : Verdict.share(Math.max(0, inFiles - problems.size()), inFiles))
                .expected("the " + inFiles + " rules of the files loaded, each with health ok")
                .found(problems.isEmpty() ? loaded + " rules in " + groups.size() + " groups, all ok" : String.join("; ", problems))
                .at("GET /api/v1/rules")
                .hint(problems.isEmpty() ? "" : "Check the rules folder is mounted where rule_files points, and read "
                        + "each failing rule's lastError.")
                .attach("rules", prometheus.raw("/api/v1/rules"));
    }

    private static int count(JsonNode groups) {
        int rules = 0;
        for (JsonNode group : groups) {
            rules += group.path("rules").size();
        }
        return rules;
    }

    private static List<String> problems(JsonNode groups) {
        List<String> problems = new ArrayList<>();
        for (JsonNode group : groups) {
            for (JsonNode rule : group.path("rules")) {
                if (!"ok".equals(rule.path("health").asText())) {
                    problems.add(rule.path("name").asText() + " " + rule.path("health").asText()
                            + (rule.path("lastError").asText().isEmpty() ? "" : ": " + rule.path("lastError").asText()));
                }
            }
        }
        return problems;
    }
}
