package obsgrader.checks.metrics;

import static obsgrader.i18n.Message.msg;

import obsgrader.i18n.Message;

/** Whether a counter's increase matches what the load sent: within a few percent, or two requests for small counts. */
final class LoadCounts {
    private static final double TOLERANCE = 0.03;
    private static final long SMALL = 2;

    private LoadCounts() {
    }

    static boolean match(double counted, long sent) {
        return Math.abs(counted - sent) <= Math.max(SMALL, TOLERANCE * sent);
    }

    /** "1500 sent, 1500 counted" or "1500 sent, 1320 counted (-12 %)". */
    static Message describe(double counted, long sent) {
        long rounded = Math.round(counted);
        if (match(counted, sent) || sent == 0) {
            return msg("metrics.load.counted", sent, rounded);
        }
        double gap = 100 * (counted - sent) / sent;
        return msg(gap > 0 ? "metrics.load.counted-more" : "metrics.load.counted-fewer", sent, rounded, Math.abs(gap));
    }

    static Message tolerance() {
        return msg("metrics.load.tolerance", Math.round(TOLERANCE * 100), SMALL);
    }
}
