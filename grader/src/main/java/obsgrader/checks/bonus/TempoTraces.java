package obsgrader.checks.bonus;

import static obsgrader.i18n.Message.msg;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import obsgrader.checks.Check;
import obsgrader.checks.RubricCheck;
import obsgrader.checks.GradingContext;
import obsgrader.checks.Verdict;
import obsgrader.i18n.Message;
import obsgrader.checks.dashboard.Provisioning;
import obsgrader.checks.dashboard.SubmissionFiles;
import obsgrader.submission.LabRole;
import obsgrader.submission.Submission;

/**
 * Traces are collected: a Tempo service (half the points) with a Tempo datasource or an API instrumented with
 * OpenTelemetry (the other half); traces sent anywhere but Tempo are not this bonus. Read from the files only:
 * Tempo has no offline image.
 */
@RubricCheck(id = "bonus.tempo")
public final class TempoTraces implements Check {
    private static final Pattern OPEN_TELEMETRY = Pattern.compile("(?i)opentelemetry|\\bOTEL_");

    @Override
    public Verdict judge(GradingContext context) {
        Submission submission = context.submission();
        List<String> tempo = ComposeServices.running(submission, Set.of("tempo"));
        List<Message> datasources = Provisioning.datasources(submission).stream()
                .filter(d -> "tempo".equals(d.type()))
                .map(d -> msg("bonus.datasource", d.name(), SubmissionFiles.where(submission, d.file(), d.line())))
                .toList();
        List<String> instrumented = instrumentation(submission);
        boolean linked = !datasources.isEmpty() || !instrumented.isEmpty();
        Message found = msg("bonus.tempo.found",
                tempo.isEmpty() ? msg("bonus.tempo.no-service") : msg("bonus.tempo.service", tempo),
                datasources.isEmpty() ? msg("bonus.tempo.no-datasource") : msg("bonus.list", datasources),
                instrumented.isEmpty() ? msg("bonus.tempo.no-instrumentation") : msg("bonus.tempo.instrumented", instrumented),
                ComposeServices.staticNote("Tempo"));
        return Verdict.fromFiles(tempo.isEmpty() ? 0 : linked ? 1 : 0.5)
                .expected(msg("bonus.tempo.expected"))
                .found(found)
                .at(msg("bonus.tempo.where"))
                .hint(tempo.isEmpty() || !linked ? msg("bonus.tempo.hint") : Message.NONE)
                .measured(found);
    }

    /** The API's files that use OpenTelemetry (its code, requirements, Dockerfile) or its OTEL_ environment. */
    private static List<String> instrumentation(Submission submission) {
        List<String> files = new ArrayList<>();
        submission.compose().ifPresent(compose -> compose.serviceFor(LabRole.API).ifPresent(api -> {
            for (Path file : ComposeServices.code(compose, api)) {
                if (OPEN_TELEMETRY.matcher(SubmissionFiles.read(file)).find()) {
                    files.add(SubmissionFiles.where(submission, file, 0));
                }
            }
            if (OPEN_TELEMETRY.matcher(compose.services().get(api).path("environment").toString()).find()) {
                files.add(compose.file().getFileName() + " (" + api + " environment)");
            }
        }));
        return files;
    }
}
