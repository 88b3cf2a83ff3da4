package obsgrader.checks;

import java.util.ArrayList;
import java.util.List;
import obsgrader.i18n.Message;
import obsgrader.i18n.Messages;
import obsgrader.report.charts.Drawing;

/**
 * What a check found: the share of its points earned and, when points are lost, what was expected, what
 * was found and where (file and line, or endpoint and query), with a hint to fix it; when it passes, what was
 * measured. Built fluently: {@code Verdict.live(0.5).expected(msg("key", args)).found(...).at(...).hint(...)}.
 * Each part is a {@link Message}, written in the run's language when the report is ({@link #in}): a bundle's
 * sentence, never English text in the code (what is not to be translated, a file:line or a tool's output, is an
 * argument, or {@link Message#verbatim}). {@link #found()} and the other accessors give the English.
 */
public record Verdict(double fraction, Evidence evidence, Texts texts, List<Attachment> attachments,
                      List<Picture> pictures, Fault fault) {

    /** Evidence kept for the report (target lists, query results, tool output). */
    public record Attachment(String name, String content) {
    }

    /**
     * A chart of the run's data, drawn in the report's language when the report is written: {@code file} is
     * where its PNG goes, relative to the report folder (e.g. {@code charts/alerts.fire-on-outage.png}).
     */
    public record Picture(Message name, String file, Drawing drawing) {
    }

    /** The verdict's sentences, each a message resolved in the report's language. */
    public record Texts(Message expected, Message found, Message where, Message hint, Message measured) {
        static final Texts NONE = new Texts(Message.NONE, Message.NONE, Message.NONE, Message.NONE, Message.NONE);
    }

    /** The verdict's sentences in one language. */
    public record Rendered(String expected, String found, String where, String hint, String measured, String reason) {
    }

    public Verdict {
        fraction = Math.max(0, Math.min(1, fraction));
        attachments = List.copyOf(attachments);
        pictures = List.copyOf(pictures);
    }

    public static Verdict live(double fraction) {
        return new Verdict(fraction, Evidence.LIVE, Texts.NONE, List.of(), List.of(), Fault.NONE);
    }

    public static Verdict fromFiles(double fraction) {
        return new Verdict(fraction, Evidence.STATIC, Texts.NONE, List.of(), List.of(), Fault.NONE);
    }

    /** A share from a count: {@code passed} of {@code total} (full when there is nothing to count). */
    public static double share(long passed, long total) {
        return total == 0 ? 1 : (double) passed / total;
    }

    public static Verdict notAssessed(Message cause) {
        return new Verdict(0, Evidence.NOT_ASSESSED, Texts.NONE, List.of(), List.of(), Fault.NONE).found(cause);
    }

    /** Not assessed through a fault of the machine or the grader, never the student's: the cause says what failed. */
    public static Verdict faulted(Fault fault, Message cause) {
        return new Verdict(0, Evidence.NOT_ASSESSED, Texts.NONE, List.of(), List.of(), fault).found(cause);
    }

    public Verdict expected(Message expected) {
        return with(new Texts(expected, texts.found(), texts.where(), texts.hint(), texts.measured()));
    }

    public Verdict found(Message found) {
        return with(new Texts(texts.expected(), found, texts.where(), texts.hint(), texts.measured()));
    }

    public Verdict at(Message where) {
        return with(new Texts(texts.expected(), texts.found(), where, texts.hint(), texts.measured()));
    }

    public Verdict hint(Message hint) {
        return with(new Texts(texts.expected(), texts.found(), texts.where(), hint, texts.measured()));
    }

    /** What a passing check measured, in one line: "InstanceDown firing at +89 s, resolved 15 s after the restart". */
    public Verdict measured(Message measured) {
        return with(new Texts(texts.expected(), texts.found(), texts.where(), texts.hint(), measured));
    }

    private Verdict with(Texts changed) {
        return new Verdict(fraction, evidence, changed, attachments, pictures, fault);
    }

    public Verdict attach(String name, String content) {
        List<Attachment> more = new ArrayList<>(attachments);
        more.add(new Attachment(name, content));
        return new Verdict(fraction, evidence, texts, more, pictures, fault);
    }

    /** A chart for the report: a PNG linked from score.md, attached in Allure. */
    public Verdict picture(Message name, String file, Drawing drawing) {
        List<Picture> more = new ArrayList<>(pictures);
        more.add(new Picture(name, file, drawing));
        return new Verdict(fraction, evidence, texts, attachments, more, fault);
    }

    /**
     * Whether the grader or the grading machine, not the submission, is why the check could not be judged (its
     * {@link #fault()}). Reports show it apart from the student's lost points.
     */
    public boolean graderFault() {
        return fault != Fault.NONE;
    }

    public boolean full() {
        return fraction >= 1 && evidence != Evidence.NOT_ASSESSED;
    }

    /** The sentences in a language, with the one line the student reads: expected / found / where. */
    public Rendered in(Messages messages) {
        String expected = messages.text(texts.expected());
        String found = messages.text(texts.found());
        String where = messages.text(texts.where());
        return new Rendered(expected, found, where, messages.text(texts.hint()), messages.text(texts.measured()),
                reason(messages, expected, found, where));
    }

    private String reason(Messages messages, String expected, String found, String where) {
        if (evidence == Evidence.NOT_ASSESSED) {
            return messages.get("report.reason.not-assessed", found);
        }
        List<String> parts = new ArrayList<>();
        if (!expected.isEmpty()) {
            parts.add(messages.get("report.reason.expected", expected));
        }
        if (!found.isEmpty()) {
            parts.add(messages.get("report.reason.found", found));
        }
        if (!where.isEmpty()) {
            parts.add(messages.get("report.reason.where", where));
        }
        return parts.stream().reduce((one, other) -> messages.get("report.reason.and", one, other)).orElse("");
    }

    public String expected() {
        return in(Messages.ENGLISH).expected();
    }

    public String found() {
        return in(Messages.ENGLISH).found();
    }

    public String where() {
        return in(Messages.ENGLISH).where();
    }

    public String hint() {
        return in(Messages.ENGLISH).hint();
    }

    public String measured() {
        return in(Messages.ENGLISH).measured();
    }

    /** The one line the student reads, in English. */
    public String reason() {
        return in(Messages.ENGLISH).reason();
    }
}
