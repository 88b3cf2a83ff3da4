package obsgrader.checks.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import obsgrader.checks.Fixture;
import obsgrader.submission.Yaml;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fault drills' deadlines come from the submission's own intervals, for and rate windows. */
class FaultDeadlinesTest {
    @TempDir
    Path folder;

    private Fixture reference() {
        return new Fixture(folder).withReferencePrometheus().withReference("alertmanager/alertmanager.yml");
    }

    @Test
    void instanceDownFiresAfterAScrapeItsForAndAnEvaluation() {
        Fixture reference = reference();

        assertThat(OutageAlertFires.floor(reference)).isEqualTo(Duration.ofSeconds(15 + 60 + 15));
        assertThat(OutageAlertFires.deadline(reference)).isEqualTo(Duration.ofSeconds(90 + 15 + 30));
    }

    @Test
    void aLongerForPushesTheOutageDeadlineBack() throws Exception {
        String slowRules = Files.readString(Fixture.reference().resolve("prometheus/rules/infrastructure.yml"))
                .replace("for: 1m", "for: 3m");

        Fixture slow = reference().with("prometheus/rules/infrastructure.yml", slowRules);

        assertThat(OutageAlertFires.floor(slow)).isEqualTo(Duration.ofSeconds(15 + 180 + 15));
    }

    @Test
    void postgresSessionsShowWithinTwoScrapes() {
        assertThat(PostgresOverloadVisible.visibleWithin(reference())).isEqualTo(Duration.ofSeconds(2 * 15 + 10));
    }

    @Test
    void theBurstLastsAtMostTheQuickestFiveMinuteWindowsPlusAScrapeAndTwoEvaluations() {
        Fixture reference = reference();

        Duration deadline = BurstAlertsPending.deadline(reference, Symptom.alertsOf(reference.submission()));

        assertThat(deadline).isEqualTo(Duration.ofMinutes(5).plusSeconds(15 + 2 * 15 + 30));
    }

    @Test
    void notificationsAreAwaitedForTheLongestGroupWaitOfTheRoutingTree() throws Exception {
        Fixture reference = reference();

        assertThat(NotificationsDelivered.longestGroupWait(route(reference))).isEqualTo(Duration.ofSeconds(30));
        assertThat(NotificationsDelivered.severityOfTheAlerts(reference.submission())).isEqualTo("critical");
        assertThat(NotificationsDelivered.longestGroupWait(Yaml.YAML.readTree("routes: [{group_wait: 2m}]")))
                .as("a route without group_wait waits Alertmanager's default 30 s").isEqualTo(Duration.ofMinutes(2));
    }

    private static com.fasterxml.jackson.databind.JsonNode route(Fixture fixture) {
        Path config = fixture.submission().alertmanagerConfig().orElseThrow();
        return fixture.submission().parse(config).tree().path("route");
    }
}
