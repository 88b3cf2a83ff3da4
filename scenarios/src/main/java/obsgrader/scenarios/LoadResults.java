package obsgrader.scenarios;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** The load phase's simulations, in the order they started (some side by side), and what they sent in total. */
public record LoadResults(List<SimulationResult> simulations) {
    public LoadResults {
        if (simulations.isEmpty()) {
            throw new IllegalArgumentException("a load phase runs at least one simulation");
        }
        simulations = List.copyOf(simulations);
    }

    public Instant started() {
        return simulations.stream().map(SimulationResult::started).min(Comparator.naturalOrder()).orElseThrow();
    }

    public Instant finished() {
        return simulations.stream().map(SimulationResult::finished).max(Comparator.naturalOrder()).orElseThrow();
    }

    public Duration wallTime() {
        return Duration.between(started(), finished());
    }

    /** Requests of this kind sent over the whole phase, answered or not. */
    public long sent(ShopRequest request) {
        return simulations.stream().mapToLong(s -> s.of(request).count()).sum();
    }

    /** Requests of this kind that Gatling saw fail (an HTTP error status, or no answer). */
    public long failed(ShopRequest request) {
        return simulations.stream().mapToLong(s -> s.of(request).failed()).sum();
    }

    /** Every simulation's numbers, for a report's evidence. */
    public String summary() {
        return "load phase: " + wallTime().toSeconds() + " s\n" + simulations.stream().map(SimulationResult::toString)
                .collect(Collectors.joining("\n"));
    }
}
