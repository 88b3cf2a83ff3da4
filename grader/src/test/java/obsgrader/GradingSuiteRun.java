package obsgrader;

import java.nio.file.Path;
import obsgrader.grading.Grading;
import obsgrader.grading.Settings;
import obsgrader.i18n.Messages;
import obsgrader.report.AllureFiles;
import obsgrader.report.ReportWriter;
import obsgrader.report.ScoreCard;
import obsgrader.review.Overrides;
import obsgrader.rubric.Rubric;
import obsgrader.submission.Submission;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The grading behind {@link GradeSubmissionIT}: the settings read once at the edge, the grading and its report.
 * The JUnit extension that gives it to the suite keeps it in the root store, where JUnit closes it when the run
 * ends (the report written if no test wrote it, the stack removed): no static field holds the run.
 */
final class GradingSuiteRun implements AutoCloseable {
    private final Settings settings;
    private final Path latest;
    private final Grading grading;
    private final Messages messages;
    private boolean reported;

    private GradingSuiteRun(Settings settings) {
        this.settings = settings;
        this.latest = settings.freshLatest();
        Rubric rubric = settings.loadRubric();
        this.messages = rubric.messages();
        // a single grading applies the overrides file's entries of the student its folder is named after
        this.grading = new Grading(Submission.load(settings.stack(), settings.run().referenceMaterial()), rubric, settings.mode(), latest, settings.run())
                .withOverrides(Overrides.loadIfPresent(GradeBatchIT.overridesFile(null), rubric),
                        settings.stack().getFileName().toString());
    }

    /** Resolves a {@link GradingSuiteRun} parameter: one run for the whole JUnit run, in the root store. */
    static final class Extension implements ParameterResolver {
        private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(GradingSuiteRun.class);

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == GradingSuiteRun.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(GradingSuiteRun.class,
                    key -> new GradingSuiteRun(Settings.fromSystemProperties()), GradingSuiteRun.class);
        }
    }

    Grading grading() {
        return grading;
    }

    Messages messages() {
        return messages;
    }

    Path latest() {
        return latest;
    }

    /** Sums up and writes the reports (card, score.md, results.json, Allure). */
    synchronized ScoreCard report() {
        ScoreCard card = grading.card();
        ReportWriter.write(card, latest, messages);
        AllureFiles.write(card, messages, Path.of(System.getProperty("allure.results.directory", latest.resolve("allure-results").toString())));
        reported = true;
        return card;
    }

    @Override
    public void close() {
        try {
            if (!reported) {
                report();
            }
        } finally {
            grading.close();
        }
    }

    @Override
    public String toString() {
        return "grading of " + settings.stack();
    }
}
