package obsgrader.checks.metrics;

import java.util.Locale;

/** Whether a counter's increase matches what the load sent: within a few percent, or two requests for small counts. */
final class LoadCounts {
    private static final double TOLERANCE = 0.03;
    private static final long SMALL = 2;

    private LoadCounts() {
    }

    static boolean match(double counted, long sent) {
        return Math.abs(counted - sent) <= Math.max(SMALL, TOLERANCE * sent);
    }

    /** "1500 sent, 1500 counted" or "1500 sent, 1320 counted (-12.0 %)". */
    static String describe(double counted, long sent) {
        String line = sent + " sent, " + Math.round(counted) + " counted";
        return match(counted, sent) || sent == 0 ? line : line + String.format(Locale.ROOT, " (%+.1f %%)", 100 * (counted - sent) / sent);
    }

    static String tolerance() {
        return "within " + Math.round(TOLERANCE * 100) + " % (or " + SMALL + " requests)";
    }
}
