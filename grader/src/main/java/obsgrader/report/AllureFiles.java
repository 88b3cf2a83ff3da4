package obsgrader.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import obsgrader.i18n.Messages;
import obsgrader.submission.Yaml;

/**
 * What Allure reads beside the test results, for an instructor: {@code environment.xml} (the total, the
 * outcome, the rubric, the stand-in images and the machine) and {@code categories.json}, which sorts the
 * results into the student's lost points, a bonus not attempted, checks not assessed here, and faults of the
 * grader or the machine (Allure's "broken").
 */
public final class AllureFiles {
    private AllureFiles() {
    }

    public static void write(ScoreCard card, Messages messages, Path results) {
        try {
            Files.createDirectories(results);
            Files.writeString(results.resolve("environment.xml"), environmentXml(environment(card, messages)));
            Files.writeString(results.resolve("categories.json"), categories(messages).toPrettyString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Allure's environment.xml keeps its parameters' order (a properties file would not): the total shows first. */
    static String environmentXml(Map<String, String> environment) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<environment>\n");
        environment.forEach((key, value) -> xml.append("  <parameter><key>").append(escape(key)).append("</key><value>")
                .append(escape(value)).append("</value></parameter>\n"));
        return xml.append("</environment>\n").toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** The Environment panel: the run first, then each fact of the grading environment (stand-ins, services left out). */
    static Map<String, String> environment(ScoreCard card, Messages messages) {
        Map<String, String> environment = new LinkedHashMap<>();
        // the one total (ScoreCard.total) as the points line writes it, or none for a run that is not gradable
        environment.put(messages.get("report.allure.total"), card.gradable() ? card.pointsLine() + " — " + card.outcome(messages)
                + (card.bonusPoints() > 0 ? " (" + ConsoleCard.scoreDetail(card, messages) + ")" : "")
                : messages.get("report.card.not-gradable", card.notGradable()));
        environment.put(messages.get("report.allure.outcome"), card.outcome(messages));
        environment.put(messages.get("report.allure.pass-mark"), messages.number(card.passMark()));
        environment.put(messages.get("report.allure.submission"), card.submission());
        environment.put(messages.get("report.allure.rubric"), card.rubricVersion());
        environment.put(messages.get("report.allure.mode"), messages.get("report.mode." + card.mode()));
        environment.put(messages.get("report.allure.language"), messages.language());
        environment.put(messages.get("report.allure.duration"), messages.duration(card.duration()));
        environment.put(messages.get("report.allure.machine"), messages.get("report.allure.machine-is", System.getProperty("os.name")
                + " " + System.getProperty("os.arch"), Runtime.getRuntime().availableProcessors(), System.getProperty("java.version")));
        card.environment().forEach((what, note) -> environment.put(messages.note(what), messages.text(note)));
        return environment;
    }

    /** Allure puts a result in every category it matches: the two kinds of skip are told apart by their message. */
    static ArrayNode categories(Messages messages) {
        ArrayNode categories = Yaml.JSON.createArrayNode();
        category(categories, messages.get("report.allure.category.grader"), List.of("broken"), null);
        category(categories, messages.get("report.allure.category.bonus"), List.of("skipped"),
                startOf(messages.get("report.junit.bonus-not-attempted", "")));
        category(categories, messages.get("report.allure.category.not-assessed"), List.of("skipped"),
                startOf(messages.get("report.reason.not-assessed", "")));
        category(categories, messages.get("report.allure.category.lost"), List.of("failed"), null);
        return categories;
    }

    /** A regex for messages holding the sentence's fixed start (up to its argument, given empty). */
    private static String startOf(String sentence) {
        String lead = sentence.replace("()", "").strip();
        return "(?s).*" + Pattern.quote(lead) + ".*";
    }

    private static void category(ArrayNode categories, String name, List<String> statuses, String messageRegex) {
        ObjectNode category = categories.addObject().put("name", name);
        statuses.forEach(category.putArray("matchedStatuses")::add);
        if (messageRegex != null) {
            category.put("messageRegex", messageRegex);
        }
    }
}
