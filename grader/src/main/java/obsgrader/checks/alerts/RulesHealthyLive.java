package obsgrader.checks.alerts;

import static obsgrader.i18n.Message.msg;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import obsgrader.checks.Check;
import obsgrader.checks.Need;
import obsgrader.checks.Needs;
import obsgrader.checks.RubricCheck;
import obsgrader.checks.GradingContext;
import obsgrader.checks.Patience;
import obsgrader.checks.Verdict;
import obsgrader.clients.PrometheusApi;
import obsgrader.i18n.Message;
import obsgrader.submission.Rule;

/** The running Prometheus loaded every rule of the files, and evaluates each without error. */
@Needs(Need.PROMETHEUS)
@RubricCheck(id = "alerts.rules-loaded", title = "Prometheus loaded every rule and evaluates them without error", live = true)
public final class RulesHealthyLive implements Check {
    @Override
    public Verdict judge(GradingContext context) {
        PrometheusApi prometheus = context.prometheus();
        int inFiles = Rule.all(context.submission()).size();
        // a rule's health is "unknown" until its first evaluation
        Patience.waitUpTo(context.evaluationInterval().multipliedBy(3), () -> problems(prometheus.rules()).isEmpty() && count(prometheus.rules()) >= inFiles);
        JsonNode groups = prometheus.rules();
        List<Message> problems = problems(groups);
        int loaded = count(groups);
        if (loaded < inFiles) {
            problems.add(0, msg("alerts.rules-loaded.missing", loaded, inFiles));
        }
        return Verdict.live(inFiles == 0 ? 0 : Verdict.share(Math.max(0, inFiles - problems.size()), inFiles))
                .expected(msg("alerts.rules-loaded.expected", inFiles))
                .found(problems.isEmpty() ? msg("alerts.rules-loaded.all", loaded, groups.size()) : Message.clauses(problems))
                .at(msg("alerts.rules-loaded.where"))
                .hint(problems.isEmpty() ? Message.NONE : msg("alerts.rules-loaded.hint"))
                .measured(msg("alerts.rules-loaded.all", loaded, groups.size()))
                .attach("rules", prometheus.raw("/api/v1/rules"));
    }

    private static int count(JsonNode groups) {
        int rules = 0;
        for (JsonNode group : groups) {
            rules += group.path("rules").size();
        }
        return rules;
    }

    private static List<Message> problems(JsonNode groups) {
        List<Message> problems = new ArrayList<>();
        for (JsonNode group : groups) {
            for (JsonNode rule : group.path("rules")) {
                if (!"ok".equals(rule.path("health").asText())) {
                    String name = rule.path("name").asText();
                    String health = rule.path("health").asText();
                    String error = rule.path("lastError").asText();
                    problems.add(error.isEmpty() ? msg("alerts.rules-loaded.unhealthy", name, health)
                            : msg("alerts.rules-loaded.failing", name, health, error));
                }
            }
        }
        return problems;
    }
}
