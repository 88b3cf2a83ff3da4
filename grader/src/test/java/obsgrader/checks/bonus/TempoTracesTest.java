package obsgrader.checks.bonus;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import obsgrader.checks.Fixture;
import obsgrader.checks.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TempoTracesTest {
    private static final String COMPOSE = """
            services:
              api:
                build: ./app
              tempo:
                image: grafana/tempo:2.3.0
            """;

    @TempDir
    Path folder;

    @Test
    void awardsTempoWithAnInstrumentedApi() throws Exception {
        Verdict verdict = new Fixture(folder).with("docker-compose.yml", COMPOSE)
                .with("app/requirements.txt", "flask\nopentelemetry-instrumentation-flask\n")
                .with("app/app.py", "from flask import Flask\n")
                .judge(new TempoTraces());

        assertThat(verdict.full()).as(verdict.reason()).isTrue();
        assertThat(verdict.found()).contains("OpenTelemetry in app/requirements.txt", "not verified live");
    }

    @Test
    void givesHalfToTempoAloneAndNothingToTracesSentElsewhere() throws Exception {
        Verdict tempoAlone = new Fixture(folder).with("docker-compose.yml", COMPOSE)
                .with("app/app.py", "from flask import Flask\n").judge(new TempoTraces());
        Verdict apiAlone = new Fixture(folder).with("docker-compose.yml", """
                        services:
                          api:
                            build: ./app
                            environment:
                              - OTEL_EXPORTER_OTLP_ENDPOINT=http://collector:4317
                        """).judge(new TempoTraces());

        assertThat(tempoAlone.fraction()).isEqualTo(0.5);
        assertThat(apiAlone.fraction()).as("traces to a collector, no Tempo: not the Tempo bonus").isZero();
    }

    @Test
    void givesNothingToTheReference() throws Exception {
        Verdict verdict = new Fixture(folder).withReference("docker-compose.yml").judge(new TempoTraces());

        assertThat(verdict.fraction()).isZero();
    }
}
