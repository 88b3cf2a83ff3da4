package obsgrader.scenarios;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A run's load parameters ({@code -Dload.high.rate=200}, {@code -Dburst.seconds=...}), each with a short
 * default so that a grading run stays short. A snapshot: taken once when the run starts, then carried by it,
 * so that two runs in one JVM never see each other's values.
 */
public record Knobs(Map<String, String> values) {
    private static final List<String> PREFIXES = List.of("load.", "burst.", "benchmark.");

    public Knobs {
        values = Map.copyOf(values);
    }

    /** The load, burst and benchmark properties of this JVM as they are now. */
    public static Knobs fromSystemProperties() {
        Map<String, String> values = new TreeMap<>();
        System.getProperties().stringPropertyNames().stream()
                .filter(name -> PREFIXES.stream().anyMatch(name::startsWith))
                .forEach(name -> values.put(name, System.getProperty(name)));
        return new Knobs(values);
    }

    public static Knobs defaults() {
        return new Knobs(Map.of());
    }

    /** The same knobs with one more set (a new snapshot; this one is unchanged). */
    public Knobs with(String knob, Object value) {
        Map<String, String> changed = new TreeMap<>(values);
        changed.put(knob, String.valueOf(value));
        return new Knobs(changed);
    }

    double perSecond(String knob, double byDefault) {
        return Double.parseDouble(values.getOrDefault(knob, String.valueOf(byDefault)));
    }

    Duration seconds(String knob, long byDefault) {
        return Duration.ofSeconds(Long.parseLong(values.getOrDefault(knob, String.valueOf(byDefault))));
    }

    int count(String knob, int byDefault) {
        return Integer.parseInt(values.getOrDefault(knob, String.valueOf(byDefault)));
    }

    String text(String knob, String byDefault) {
        return values.getOrDefault(knob, byDefault);
    }
}
