package obsgrader.checks.bonus;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import obsgrader.checks.Check;
import obsgrader.checks.RubricCheck;
import obsgrader.checks.GradingContext;
import obsgrader.checks.Verdict;
import obsgrader.checks.dashboard.Provisioning;
import obsgrader.checks.dashboard.SubmissionFiles;
import obsgrader.submission.LabRole;
import obsgrader.submission.Submission;

/**
 * Traces are collected: a Tempo service (half the points) with a Tempo datasource or an API instrumented with
 * OpenTelemetry (the other half); traces sent anywhere but Tempo are not this bonus. Read from the files only:
 * Tempo has no offline image.
 */
@RubricCheck(id = "bonus.tempo", title = "Bonus: traces collected in Tempo")
public final class TempoTraces implements Check {
    private static final Pattern OPEN_TELEMETRY = Pattern.compile("(?i)opentelemetry|\\bOTEL_");

    @Override
    public Verdict judge(GradingContext context) {
        Submission submission = context.submission();
        List<String> tempo = ComposeServices.running(submission, Set.of("tempo"));
        List<String> datasources = Provisioning.datasources(submission).stream()
                .filter(d -> "tempo".equals(d.type()))
                .map(d -> "datasource \"" + d.name() + "\" (" + SubmissionFiles.where(submission, d.file(), d.line()) + ")")
                .toList();
        List<String> instrumented = instrumentation(submission);
        boolean linked = !datasources.isEmpty() || !instrumented.isEmpty();
        List<String> found = new ArrayList<>();
        found.add(tempo.isEmpty() ? "no Tempo service" : "Tempo service " + String.join(", ", tempo));
        found.add(datasources.isEmpty() ? "no Tempo datasource" : String.join(", ", datasources));
        found.add(instrumented.isEmpty() ? "no OpenTelemetry in the API" : "OpenTelemetry in " + String.join(", ", instrumented));
        return Verdict.fromFiles(tempo.isEmpty() ? 0 : linked ? 1 : 0.5)
                .expected("a Tempo service (grafana/tempo) with a Tempo datasource or the API instrumented with OpenTelemetry")
                .found(String.join("; ", found) + "; " + ComposeServices.staticNote("Tempo"))
                .at("docker-compose.yml, grafana provisioning, the API's code")
                .hint(tempo.isEmpty() || !linked ? "Add grafana/tempo, instrument the API (opentelemetry-instrumentation-flask "
                        + "exporting OTLP to tempo:4317) and a Tempo datasource in Grafana's provisioning." : "");
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
