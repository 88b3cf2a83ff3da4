package obsgrader;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import obsgrader.checks.Patience;
import obsgrader.clients.ShopClient;
import obsgrader.engine.DockerEngine;
import obsgrader.engine.Shell;
import obsgrader.images.StandInImages;
import obsgrader.scenarios.BenchmarkSimulation;
import obsgrader.scenarios.GatlingRun;
import obsgrader.scenarios.Knobs;
import obsgrader.scenarios.LoadTarget;
import obsgrader.scenarios.RequestStats;
import obsgrader.stack.LabStack;
import obsgrader.stack.SelfTestStacks;
import obsgrader.submission.ComposeFile;
import obsgrader.submission.LabRole;
import obsgrader.submission.Submission;
import org.junit.jupiter.api.Test;

/**
 * A measurement, not a test (nothing is asserted): is Gatling ever the bottleneck of a grading run? Boots the
 * reference stack, loads the same nginx URLs flat out with Gatling and with hey (the lab's own tool), the
 * same closed workload for each, and prints the requests per second and p95 each reaches, and their ratio.
 * {@code /api/products} is the grading's busiest path (the API bounds it); {@code /stub_status} is served by
 * nginx alone, so there the load generator is what gives out first. Run: {@code mvn -B verify -Pbenchmark}.
 */
class GatlingVersusHeyBenchmark {
    private static final int WORKERS = 50;
    private static final Duration LASTING = Duration.ofSeconds(20);
    private static final List<String> PATHS = List.of("/api/products", "/stub_status");
    /** The grading's highest rate: HighLoadSimulation's default. */
    private static final double GRADING_PEAK_RPS = 100;
    private static final Pattern HEY_RPS = Pattern.compile("Requests/sec:\\s+([\\d.]+)");
    private static final Pattern HEY_P95 = Pattern.compile("95% in ([\\d.]+) secs");

    private record Throughput(String tool, double rps, double p95Ms) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%-8s %9.1f rps   p95 %7.1f ms", tool, rps, p95Ms);
        }
    }

    @Test
    void gatlingAndHeyLoadTheSameNginx() {
        DockerEngine.ensureHostTool("hey", "hey");
        ComposeFile compose = Submission.load(Path.of(System.getProperty("obsgrader.reference", "../stack"))).compose().orElseThrow();
        Path runFolder = Path.of("target", "benchmark-run").toAbsolutePath();
        try (LabStack stack = SelfTestStacks.of(compose).withRunFolder(runFolder).withImagesFrom(StandInImages.fromCatalog()).start()) {
            URI nginx = stack.endpoint(compose.serviceFor(LabRole.NGINX).orElseThrow(), LabRole.NGINX.port());
            Patience.waitUpTo(Duration.ofSeconds(60), () -> new ShopClient(nginx).get("/api/products").ok());
            StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
                    "%nGatling against hey on %s: %d workers, %d s each, kept-alive connections%n", nginx, WORKERS, LASTING.toSeconds()));
            for (String path : PATHS) {
                Throughput gatling = gatling(nginx, path, runFolder.resolve("gatling"));
                Throughput hey = hey(nginx, path);
                report.append(String.format(Locale.ROOT, "%s%n  %s%n  %s%n  ratio Gatling/hey: rps %.2f, p95 %.2f%n", path, gatling,
                        hey, gatling.rps() / hey.rps(), gatling.p95Ms() / hey.p95Ms()));
                if (path.equals(PATHS.get(0))) {
                    report.append(String.format(Locale.ROOT, "  the grading's peak rate (%.0f/s) is %.0f %% of what Gatling reaches here%n",
                            GRADING_PEAK_RPS, 100 * GRADING_PEAK_RPS / gatling.rps()));
                }
            }
            System.out.println(report);
        }
    }

    private static Throughput gatling(URI nginx, String path, Path reports) {
        Knobs knobs = Knobs.defaults().with("benchmark.users", WORKERS).with("benchmark.seconds", LASTING.toSeconds())
                .with("benchmark.path", path);
        RequestStats all = GatlingRun.run(BenchmarkSimulation.class, new LoadTarget(nginx, knobs), reports).all();
        return new Throughput("Gatling", all.perSecond(), all.p95());
    }

    private static Throughput hey(URI nginx, String path) {
        Shell.Result hey = Shell.run(LASTING.plusSeconds(60), "hey", "-z", LASTING.toSeconds() + "s", "-c", String.valueOf(WORKERS),
                nginx.resolve(path).toString());
        return new Throughput("hey", number(HEY_RPS, hey), number(HEY_P95, hey) * 1000);
    }

    private static double number(Pattern pattern, Shell.Result output) {
        Matcher matcher = pattern.matcher(output.output());
        if (!matcher.find()) {
            throw new IllegalStateException("hey's output lacks " + pattern + ":\n" + output.tail(20));
        }
        return Double.parseDouble(matcher.group(1));
    }
}
