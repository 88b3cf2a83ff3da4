package obsgrader.scenarios;

import java.time.Duration;

/**
 * A simulation's parameters: system properties (e.g. {@code -Dload.high.rate=200}) with short defaults, so
 * that a grading run stays short. Read when the simulation is built, so each run sees the current values.
 */
final class Knobs {
    private Knobs() {
    }

    static double perSecond(String property, double byDefault) {
        return Double.parseDouble(System.getProperty(property, String.valueOf(byDefault)));
    }

    static Duration seconds(String property, long byDefault) {
        return Duration.ofSeconds(Long.parseLong(System.getProperty(property, String.valueOf(byDefault))));
    }

    static int count(String property, int byDefault) {
        return Integer.parseInt(System.getProperty(property, String.valueOf(byDefault)));
    }

    static String text(String property, String byDefault) {
        return System.getProperty(property, byDefault);
    }
}
