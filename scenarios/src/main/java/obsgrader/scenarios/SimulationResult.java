package obsgrader.scenarios;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;

/** One simulation's run: when it ran, where its HTML report is, whether its assertions held, and its numbers. */
public record SimulationResult(String simulation, Path report, Instant started, Instant finished, boolean assertionsHeld,
                               RequestStats all, Map<String, RequestStats> byRequest) {

    public RequestStats of(ShopRequest request) {
        return byRequest.getOrDefault(request.label(), RequestStats.none(request.label()));
    }

    public Duration wallTime() {
        return Duration.between(started, finished);
    }

    @Override
    public String toString() {
        return simulation + " (" + wallTime().toSeconds() + " s, assertions " + (assertionsHeld ? "held" : "FAILED")
                + ", report " + report.resolve("index.html") + ")\n  "
                + byRequest.values().stream().map(RequestStats::toString).collect(Collectors.joining("\n  "));
    }
}
