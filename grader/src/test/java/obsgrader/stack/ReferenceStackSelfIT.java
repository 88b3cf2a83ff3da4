package obsgrader.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import obsgrader.clients.PrometheusApi;
import obsgrader.clients.PrometheusApi.Target;
import obsgrader.engine.Shell;
import obsgrader.images.StandInImages;
import obsgrader.submission.LabRole;
import obsgrader.submission.Submission;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** The reference stack boots offline on a real engine, every job's targets are UP, and the api can be stopped. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReferenceStackSelfIT {
    private static final List<String> LAB_JOBS = List.of("prometheus", "node", "api", "nginx", "postgres", "redis",
            "blackbox-http");
    private static final Duration TARGETS_DEADLINE = Duration.ofSeconds(120);

    private static LabStack stack;
    private static String runId;

    @BeforeAll
    static void boot() {
        Path reference = Path.of(System.getProperty("obsgrader.reference", "../stack"));
        stack = SelfTestStacks.of(Submission.load(reference).compose().orElseThrow())
                .withRunFolder(Path.of("target", "selftest-run"))
                .withImagesFrom(StandInImages.fromCatalog())
                .start();
        runId = stack.runId();
    }

    private static PrometheusApi prometheus() {
        return new PrometheusApi(stack.endpoint("prometheus", LabRole.PROMETHEUS.port()));
    }

    private static Map<String, String> healthByJob() {
        return prometheus().activeTargets().stream().collect(Collectors.groupingBy(Target::job,
                Collectors.mapping(Target::health, Collectors.joining(","))));
    }

    @Test
    @Order(1)
    void everyServiceButGrafanaRuns() {
        assertThat(stack.leftOut()).containsExactly("grafana");
        assertThat(stack.services()).allSatisfy(service -> assertThat(service.running())
                .as("%s is running", service.describe()).isTrue());
    }

    @Test
    @Order(2)
    void everyLabJobsTargetsAreUp() {
        await("every target of the 7 lab jobs UP").atMost(TARGETS_DEADLINE).pollInterval(Duration.ofSeconds(2))
                .ignoreExceptions()
                .untilAsserted(() -> assertThat(prometheus().activeTargets())
                        .as("targets by job: %s", healthByJob())
                        .allMatch(Target::up)
                        .extracting(Target::job).containsAll(LAB_JOBS));
    }

    @Test
    @Order(3)
    void stoppingTheApiTurnsItsTargetDownAndStartingItBringsItBack() {
        stack.stop("api");
        await("api target DOWN").atMost(TARGETS_DEADLINE).pollInterval(Duration.ofSeconds(2))
                .untilAsserted(() -> assertThat(apiTargets()).isNotEmpty().noneMatch(Target::up));

        stack.start("api");
        await("api target UP again").atMost(TARGETS_DEADLINE).pollInterval(Duration.ofSeconds(2))
                .untilAsserted(() -> assertThat(apiTargets()).isNotEmpty().allMatch(Target::up));
    }

    private static List<Target> apiTargets() {
        return prometheus().activeTargets().stream().filter(t -> t.job().equals("api")).toList();
    }

    @AfterAll
    static void closeAndLeaveNothingBehind() {
        if (stack == null) {
            return;
        }
        stack.close();
        String filter = "label=" + ComposeSanitiser.RUN_LABEL + "=" + runId;
        assertThat(Shell.run(Duration.ofSeconds(30), "docker", "ps", "-aq", "--filter", filter).output()).isBlank();
        assertThat(Shell.run(Duration.ofSeconds(30), "docker", "network", "ls", "-q", "--filter",
                "name=obsgrader-" + runId).output()).isBlank();
        assertThat(Shell.run(Duration.ofSeconds(30), "docker", "volume", "ls", "-q", "--filter",
                "name=obsgrader-" + runId).output()).isBlank();
        assertThat(Path.of("target", "selftest-run", "logs", "api.log")).exists();
    }
}
