package obsgrader.checks;

import java.util.ArrayList;
import java.util.List;

/**
 * What a check found: the share of its points earned and, when points are lost, what was expected, what
 * was found and where (file and line, or endpoint and query), with a hint to fix it. Built fluently:
 * {@code Verdict.live(0.5).expected("...").found("...").at("...").hint("...")}.
 */
public record Verdict(double fraction, Evidence evidence, String expected, String found, String where, String hint,
                      List<Attachment> attachments) {

    /** Evidence kept for the report (target lists, query results, tool output). */
    public record Attachment(String name, String content) {
    }

    public Verdict {
        fraction = Math.max(0, Math.min(1, fraction));
        attachments = List.copyOf(attachments);
    }

    public static Verdict live(double fraction) {
        return new Verdict(fraction, Evidence.LIVE, "", "", "", "", List.of());
    }

    public static Verdict fromFiles(double fraction) {
        return new Verdict(fraction, Evidence.STATIC, "", "", "", "", List.of());
    }

    /** A share from a count: {@code passed} of {@code total} (full when there is nothing to count). */
    public static double share(long passed, long total) {
        return total == 0 ? 1 : (double) passed / total;
    }

    public static Verdict notAssessed(String cause) {
        return new Verdict(0, Evidence.NOT_ASSESSED, "", cause, "", "", List.of());
    }

    public Verdict expected(String expected) {
        return new Verdict(fraction, evidence, expected, found, where, hint, attachments);
    }

    public Verdict found(String found) {
        return new Verdict(fraction, evidence, expected, found, where, hint, attachments);
    }

    public Verdict at(String where) {
        return new Verdict(fraction, evidence, expected, found, where, hint, attachments);
    }

    public Verdict hint(String hint) {
        return new Verdict(fraction, evidence, expected, found, where, hint, attachments);
    }

    public Verdict attach(String name, String content) {
        List<Attachment> more = new ArrayList<>(attachments);
        more.add(new Attachment(name, content));
        return new Verdict(fraction, evidence, expected, found, where, hint, more);
    }

    public boolean full() {
        return fraction >= 1 && evidence != Evidence.NOT_ASSESSED;
    }

    /** The one line the student reads: expected / found / where. */
    public String reason() {
        if (evidence == Evidence.NOT_ASSESSED) {
            return "not assessed: " + found;
        }
        StringBuilder line = new StringBuilder();
        if (!expected.isEmpty()) {
            line.append("expected ").append(expected);
        }
        if (!found.isEmpty()) {
            line.append(line.isEmpty() ? "" : "; ").append("found ").append(found);
        }
        if (!where.isEmpty()) {
            line.append(line.isEmpty() ? "" : "; ").append("at ").append(where);
        }
        return line.toString();
    }
}
