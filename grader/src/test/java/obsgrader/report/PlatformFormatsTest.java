package obsgrader.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import obsgrader.checks.Verdict;
import obsgrader.grading.Mode;
import obsgrader.i18n.Message;
import obsgrader.i18n.Messages;
import obsgrader.report.ScoreCard.CheckScore;
import obsgrader.report.ScoreCard.CriterionScore;
import obsgrader.report.charts.DistributionChart;
import obsgrader.submission.Yaml;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each platform's file, as ReportWriter writes it, against the fields the platform documents:
 * Gradescope (https://gradescope-autograders.readthedocs.io/en/latest/specs/, "Output format"),
 * PrairieLearn (https://prairielearn.readthedocs.io/en/latest/externalGrading/, "Grading results"),
 * GitHub Classroom (classroom-resources/autograding-grading-reporter, README "Environment Variables" and its
 * src/main.js and notify-classroom.js) and GitHub's workflow commands
 * (https://docs.github.com/en/actions/using-workflows/workflow-commands-for-github-actions, "Setting an error message").
 */
class PlatformFormatsTest {
    @TempDir
    Path folder;

    /** A card with one full line, one lost line naming a file and line, one not assessed, and a bonus with a chart. */
    private static ScoreCard card(String notGradable) {
        List<CheckScore> checks = List.of(
                new CheckScore("alerts", "alerts.files", "rules load", 10, 10, Verdict.fromFiles(1)),
                new CheckScore("alerts", "alerts.lost", "rules fire", 3, 5, Verdict.fromFiles(0.6)
                        .expected(Message.literal("a for clause")).found(Message.literal("none"))
                        .at(Message.verbatim("prometheus/alerts.yml:12")).hint(Message.literal("add for: 1m"))),
                new CheckScore("alerts", "alerts.live", "fires live", 0, 5, Verdict.notAssessed(Message.literal("static mode"))));
        List<CheckScore> bonus = List.of(new CheckScore("bonus", "bonus.chart", "a chart", 2, 5, Verdict.fromFiles(0.4)
                .picture(Message.literal("distribution"), "charts/d.png", new DistributionChart(List.of(50.0, 80.0), 100, 70))));
        return new ScoreCard("/class/ada", "test", 10, Mode.STATIC, Instant.now(), Duration.ofSeconds(42), notGradable, Map.of(),
                List.of(new CriterionScore("alerts", "Alerts", 20, checks)), bonus, 10);
    }

    private JsonNode written(ScoreCard card, String file) throws Exception {
        ReportWriter.write(card, folder, Messages.ENGLISH, "after_published");
        return Yaml.JSON.readTree(folder.resolve(file).toFile());
    }

    @Test
    void gradescopeResultsHoldOnlyTheSpecificationsFieldsWithTheirValues() throws Exception {
        JsonNode results = written(card(null), ReportWriter.RESULTS);

        // the specification's top-level fields, and obsgrader's "gradable" (false: no grade, no score anywhere)
        assertThat(fieldNames(results)).isSubsetOf("score", "execution_time", "output", "output_format", "test_output_format",
                "test_name_format", "visibility", "stdout_visibility", "extra_data", "tests", "leaderboard", "gradable");
        assertThat(results.path("score").isNumber()).isTrue();
        assertThat(results.path("score").asDouble()).isEqualTo(15);
        assertThat(results.path("execution_time").asInt()).isEqualTo(42);
        assertThat(results.path("output_format").asText()).isEqualTo("md");
        assertThat(results.path("output").asText()).startsWith("# obsgrader: 15/20").contains("| criterion | points |")
                .doesNotContain("![");
        assertThat(results.path("visibility").asText()).isEqualTo("after_published");
        for (JsonNode test : results.path("tests")) {
            assertThat(fieldNames(test)).isSubsetOf("score", "max_score", "status", "name", "name_format", "number", "output",
                    "output_format", "tags", "visibility", "extra_data");
            assertThat(test.path("status").asText()).isIn("passed", "failed");
            assertThat(test.path("output_format").asText()).isIn("text", "html", "simple_format", "md", "ansi");
            assertThat(test.path("score").isNumber() && test.path("max_score").isNumber()).isTrue();
            assertThat(test.path("tags").isArray()).isTrue();
        }
        JsonNode tests = results.path("tests");
        assertThat(tests.get(0).path("status").asText()).isEqualTo("passed");
        assertThat(tests.get(1).path("status").asText()).isEqualTo("failed");
        assertThat(tests.get(1).path("max_score").asDouble()).isEqualTo(5);
        // not assessed: neither red nor weighing on the student, and said so
        assertThat(tests.get(2).path("status").asText()).isEqualTo("passed");
        assertThat(tests.get(2).path("max_score").asDouble()).isZero();
        assertThat(tests.get(2).path("name").asText()).isEqualTo("fires live (not assessed here)");
        assertThat(tests.get(2).path("tags")).extracting(JsonNode::asText).contains("not-assessed");
        assertThat(tests.get(2).path("extra_data").path("max_points").asDouble()).isEqualTo(5);
        // a bonus is Gradescope's extra credit: worth 0, its points on top
        assertThat(tests.get(3).path("max_score").asDouble()).isZero();
        assertThat(tests.get(3).path("score").asDouble()).isEqualTo(2);
    }

    @Test
    void aRunNotGradableIsNoGradeForGradescopeNeitherScoreNorStatus() throws Exception {
        JsonNode results = written(card("no engine"), ReportWriter.RESULTS);

        assertThat(results.has("score")).isFalse();
        assertThat(results.path("tests")).allSatisfy(test -> assertThat(test.has("score") || test.has("status")).isFalse());
    }

    @Test
    void prairieLearnResultsScoreInZeroToOneWithTestsAndChartsAsImages() throws Exception {
        JsonNode results = written(card(null), ReportWriter.PRAIRIELEARN);

        assertThat(fieldNames(results)).isSubsetOf("gradable", "score", "message", "output", "images", "tests");
        assertThat(results.path("gradable").asBoolean()).isTrue();
        assertThat(results.path("score").asDouble()).isBetween(0.0, 1.0).isEqualTo(15 / 20.0);
        assertThat(results.path("images").get(0).path("url").asText()).startsWith("data:image/png;base64,iVBOR");
        assertThat(results.path("images").get(0).path("label").asText()).isEqualTo("distribution");
        for (JsonNode test : results.path("tests")) {
            assertThat(fieldNames(test)).isSubsetOf("name", "description", "points", "max_points", "message", "output", "images");
            assertThat(test.path("points").isNumber() && test.path("max_points").isNumber()).isTrue();
        }
        assertThat(results.path("tests").get(1).path("message").asText())
                .isEqualTo("expected a for clause; found none; at prometheus/alerts.yml:12\nHint: add for: 1m");
        assertThat(results.path("tests").get(2).path("max_points").asDouble()).isZero();
    }

    @Test
    void aRunTheMachineCouldNotCompleteIsNotGradableForPrairieLearnNotAZero() throws Exception {
        JsonNode results = written(card("no engine"), ReportWriter.PRAIRIELEARN);

        assertThat(results.path("gradable").asBoolean()).isFalse();
        assertThat(results.has("score")).isFalse();
        assertThat(results.path("message").asText()).isEqualTo("NOT GRADABLE: no engine");
    }

    @Test
    void classroomReporterInputAddsUpToThePointsAndTheBonus() throws Exception {
        JsonNode results = written(card(null), ReportWriter.CLASSROOM);
        // what the workflow puts in OBSGRADER_RESULTS, and the reporter decodes
        String encoded = Base64.getEncoder().encodeToString(Files.readAllBytes(folder.resolve(ReportWriter.CLASSROOM)));
        JsonNode decoded = Yaml.JSON.readTree(new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8));

        assertThat(decoded).isEqualTo(results);
        assertThat(results.path("version").asInt()).isEqualTo(1);
        assertThat(results.path("status").asText()).isIn("pass", "fail", "error");
        assertThat(results.path("max_score").asDouble()).isEqualTo(20);
        double total = 0;
        for (JsonNode test : results.path("tests")) {
            assertThat(fieldNames(test)).containsExactlyInAnyOrder("name", "status", "score", "message", "test_code", "filename",
                    "line_no", "execution_time");
            total += test.path("score").asDouble();
        }
        assertThat(total).isEqualTo(15);
        assertThat(results.path("tests").get(1).path("filename").asText()).isEqualTo("prometheus/alerts.yml");
        assertThat(results.path("tests").get(1).path("line_no").asInt()).isEqualTo(12);
        assertThat(results.path("tests").get(1).path("status").asText()).isEqualTo("fail");
        assertThat(results.path("tests").get(2).path("status").asText()).isEqualTo("error");
    }

    @Test
    void lostLinesAreErrorAnnotationsOnTheStudentsFileAndLine() throws Exception {
        ReportWriter.write(card(null), folder, Messages.ENGLISH);

        assertThat(Files.readAllLines(folder.resolve(ReportWriter.ANNOTATIONS))).containsExactly(
                "::error file=prometheus/alerts.yml,line=12,title=rules fire (-2)::expected a for clause; found none; "
                        + "at prometheus/alerts.yml:12%0AHint: add for: 1m");
    }

    @Test
    void aPlaceIsFoundInWhatTheChecksWriteRelativeToTheSubmission() {
        assertThat(ClassroomResults.location("/class/ada/docker-compose.yml", "/class/ada"))
                .contains(new ClassroomResults.Location("docker-compose.yml", 0));
        assertThat(ClassroomResults.location("grafana/dashboards/shop.json:40, SLO.md:3", "/x"))
                .contains(new ClassroomResults.Location("grafana/dashboards/shop.json", 40));
        assertThat(ClassroomResults.location("GET /api/v1/targets", "/x")).isEmpty();
        assertThat(ClassroomResults.location("/elsewhere/alerts.yml", "/x")).isEmpty();
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new java.util.LinkedHashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
