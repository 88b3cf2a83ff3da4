package obsgrader.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import obsgrader.checks.Evidence;
import obsgrader.checks.Verdict;
import obsgrader.i18n.Messages;
import obsgrader.report.ScoreCard.CheckScore;
import obsgrader.submission.Yaml;

/**
 * What GitHub Classroom records from a student repository's workflow. Classroom reads the check run's notices
 * that {@code classroom-resources/autograding-grading-reporter} writes; the reporter reads each runner's result
 * from {@code <RUNNER>_RESULTS}, base64-encoded JSON: {@code version}, {@code status} (pass, fail, error),
 * {@code max_score} and {@code tests[]} with {@code name}, {@code status}, {@code score}, {@code message},
 * {@code filename}, {@code line_no}; it adds up the tests' scores, so partial credit comes through.
 * {@code classroom.json} is that input. The lost lines also become GitHub workflow annotations on the student's
 * files ({@code annotations.txt}: {@code ::error file=F,line=L,title=T::message}).
 */
public final class ClassroomResults {
    /** A file of the submission and its line, as the checks write where they looked: {@code prometheus/alerts.yml:12}. */
    private static final Pattern FILE_LINE = Pattern.compile(
            "(?<![/\\w.@-])((?:[\\w.@-]+/)*[\\w.@-]*(?:\\.ya?ml|\\.json|\\.md|\\.py|\\.conf|\\.env|\\.txt|Dockerfile|\\.ini|\\.toml))(?::(\\d+))?");

    private ClassroomResults() {
    }

    public static ObjectNode render(ScoreCard card, Messages messages) {
        ObjectNode root = Yaml.JSON.createObjectNode();
        root.put("version", 1);
        root.put("status", !card.gradable() ? "error" : card.passed() ? "pass" : "fail");
        root.put("max_score", card.max());
        ArrayNode tests = root.putArray("tests");
        for (CheckScore check : card.checksById().values()) {
            Verdict.Rendered text = check.verdict().in(messages);
            ObjectNode test = tests.addObject();
            test.put("name", messages.title(check.check(), check.title()) + " (" + messages.get("report.junit.points",
                    messages.number(check.points()), messages.number(check.max())) + ")");
            // the reporter's "error" is a test that could not run: a line not assessed here
            test.put("status", check.verdict().evidence() == Evidence.NOT_ASSESSED ? "error"
                    : check.verdict().full() || "bonus".equals(check.criterion()) ? "pass" : "fail");
            test.put("score", check.points());
            test.put("message", check.verdict().full() ? text.measured() : text.reason());
            test.put("test_code", check.check());
            Location location = location(text.where(), card.submission()).orElse(Location.NONE);
            test.put("filename", location.file());
            test.put("line_no", location.line());
            test.put("execution_time", "");
        }
        return root;
    }

    /** One workflow command per lost line, on the file and line its reason names when it names one. */
    public static List<String> annotations(ScoreCard card, Messages messages) {
        List<String> lines = new ArrayList<>();
        for (CheckScore check : card.checksById().values()) {
            // a bonus not attempted, or a line not assessed here, is nothing the student lost
            if (check.verdict().full() || check.verdict().evidence() == Evidence.NOT_ASSESSED || check.lost() <= 0
                    || "bonus".equals(check.criterion())) {
                continue;
            }
            Verdict.Rendered text = check.verdict().in(messages);
            String title = messages.title(check.check(), check.title()) + " (-" + messages.number(ScoreCard.round(check.lost())) + ")";
            String message = text.reason() + (text.hint().isEmpty() ? "" : "\n" + messages.get("report.json.hint", text.hint()));
            StringBuilder command = new StringBuilder("::error ");
            location(text.where(), card.submission()).ifPresent(at -> {
                command.append("file=").append(property(at.file()));
                if (at.line() > 0) {
                    command.append(",line=").append(at.line());
                }
                command.append(',');
            });
            lines.add(command.append("title=").append(property(title)).append("::").append(data(message)).toString());
        }
        return lines;
    }

    /** A file and line of the student's, relative to the submission's root. */
    record Location(String file, int line) {
        static final Location NONE = new Location("", 0);
    }

    static java.util.Optional<Location> location(String where, String submissionRoot) {
        String relative = where.replace(submissionRoot.endsWith("/") ? submissionRoot : submissionRoot + "/", "");
        Matcher matcher = FILE_LINE.matcher(relative);
        while (matcher.find()) {
            String file = matcher.group(1);
            if (!file.startsWith("/") && !file.isEmpty() && !file.startsWith(".")) {
                return java.util.Optional.of(new Location(file, matcher.group(2) == null ? 0 : Integer.parseInt(matcher.group(2))));
            }
        }
        return java.util.Optional.empty();
    }

    /** GitHub's escaping of a workflow command's message (toCommandValue in @actions/core). */
    static String data(String text) {
        return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** ... and of a property's value, which also may not hold ':' or ','. */
    static String property(String text) {
        return data(text).replace(":", "%3A").replace(",", "%2C");
    }
}
