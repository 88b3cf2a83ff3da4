package obsgrader.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import obsgrader.batch.ClassSummary;
import obsgrader.batch.Row;
import obsgrader.engine.Shell;
import obsgrader.grading.Grading;
import obsgrader.grading.Mode;
import obsgrader.i18n.Messages;
import obsgrader.report.charts.DistributionChart;
import obsgrader.rubric.Rubric;
import obsgrader.rubric.RubricLoader;
import obsgrader.submission.Submission;
import obsgrader.tools.PromTools;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reports as a person sees them, in headless Chromium: the class summary (score, distribution chart,
 * criteria, students) and the Allure report of the last grading (total, categories, environment). No stack.
 * Screenshots are kept in target/screens.
 */
class ReportsInBrowserSelfIT {
    private static final Path ROOT = Path.of(System.getProperty("obsgrader.root", "..")).toAbsolutePath().normalize();
    private static final Path SCREENS = ROOT.resolve("grader/target/screens");
    /** The distribution chart's colour for bins at or above the pass mark. */
    private static final int PASSED_GREEN = 0x44aa77;

    @TempDir
    Path folder;

    @BeforeAll
    static void chromium() {
        Chromium.ensureInstalled();
    }

    @Test
    void theClassSummaryShowsTheScoresTheirDistributionAndEachStudentInFrench() throws IOException {
        Rubric rubric = RubricLoader.load(ROOT.resolve("grader/src/main/resources/obsgrader/rubric.yml")).withLanguage("fr");
        Path alice = folder.resolve("alice");
        try (Grading grading = new Grading(Submission.load(ROOT.resolve("stack")), rubric, Mode.STATIC, alice, new PromTools(false))) {
            ReportWriter.write(grading.card(), alice, rubric.messages());
        }
        Row graded = Row.of("alice", alice.resolve(ReportWriter.RESULTS));
        Row passed = new Row("carol", Map.of("deployed", 20.0), 0, 88, true, true, "", 300, List.of("docs.readme"));
        new DistributionChart(List.of(88.0), 100, 70).writePng(Messages.FRENCH, folder.resolve("carol/charts/load.png"));
        Path index = folder.resolve("index.html");
        ClassSummary.write(List.of(graded, passed, Row.notGradable("dave", "pas de fichier compose", 1)), rubric, index);

        String dom = Chromium.dumpDom(index);
        assertThat(dom).contains("Synthèse de la classe", "3 rendus, 2 notés", "Répartition des notes",
                "<img src=\"distribution.png\"", ">" + Messages.FRENCH.number(graded.total()) + "<", "non notable : pas de fichier compose",
                "href=\"alice/score.md\"", "<img class=\"chart\" src=\"carol/charts/load.png\"");
        BufferedImage screen = ImageIO.read(Chromium.screenshot(index, SCREENS.resolve("index.png")).toFile());
        assertThat(hasColour(screen, PASSED_GREEN)).as("the distribution chart's bars are on the screen").isTrue();
        assertThat(Files.readString(alice.resolve(ReportWriter.SCORE))).contains("critère", "Stack déployée et fonctionnelle")
                .doesNotContain("{report.");
    }

    @Test
    void theAllureReportOfTheLastGradingShowsTheTotalTheCategoriesAndTheEnvironment() throws IOException {
        Path latest = ROOT.resolve("reports/latest");
        Assumptions.assumeTrue(Files.isRegularFile(latest.resolve("allure-results/environment.xml")),
                "no grading has written reports/latest/allure-results yet (mvn verify)");
        Shell.Result generated = Shell.run(Duration.ofMinutes(5), ROOT, Map.of(), "mvn", "-o", "-B", "-q", "-pl", "grader",
                "allure:report");
        assertThat(generated.ok()).as(generated.tail(20)).isTrue();
        Path report = latest.resolve("allure-report/index.html");

        String dom = Chromium.dumpDom(report);
        String summary = Files.readString(latest.resolve("allure-report/widgets/summary.json"));
        assertThat(dom).contains("Allure Report").contains("Environment").contains("Points ");
        assertThat(Files.readString(latest.resolve("allure-report/widgets/categories.json"))).doesNotContain("Product defects");
        assertThat(summary).contains("\"total\"");
        Chromium.screenshot(report, SCREENS.resolve("allure-overview.png"));
    }

    private static boolean hasColour(BufferedImage image, int rgb) {
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                if ((image.getRGB(x, y) & 0xffffff) == rgb) {
                    return true;
                }
            }
        }
        return false;
    }
}
