package obsgrader.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import obsgrader.i18n.Message;
import obsgrader.i18n.Messages;

/**
 * The grading environment's notes as the card and score.md show them, after the score: grouped (what changed the
 * grading, the compose file as it ran, the machine, the images stood in), each note's clauses one a line, and a
 * clause said of several services said once with their names ("nginx, api, ...: container_name dropped") rather
 * than once a service.
 */
public final class EnvironmentNotes {
    /** Notes about the machine that graded, not about the submission. */
    private static final Set<String> MACHINE = Set.of("engine", "compose", "egress", "egress not cut");
    /** Notes about how the submission's compose file was run. */
    private static final Set<String> SUBMISSION = Set.of("resolved", "emptied", "sanitised", "allowed", "reused");
    private static final String STAND_IN = "grader.note.stand-in";
    private static final String CLAUSES = "grader.clauses";

    /** One group of notes: its heading's key and its lines, in the run's language. */
    public record Group(String heading, List<String> lines) {
    }

    private EnvironmentNotes() {
    }

    public static List<Group> groups(Map<String, Message> notes, Messages messages) {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        for (String group : List.of("grading", "submission", "machine", "images")) {
            groups.put(group, new ArrayList<>());
        }
        notes.forEach((id, note) -> {
            if (STAND_IN.equals(note.key())) {
                Object standIn = argument(note);
                groups.get("images").add(id + " → " + (standIn instanceof Message m ? messages.text(m) : standIn));
                return;
            }
            // what is neither the machine nor how the compose file was run (offline, did not boot, a service left
            // out) changed what could be graded: it comes first
            String group = MACHINE.contains(id) ? "machine" : SUBMISSION.contains(id) ? "submission" : "grading";
            List<Message> clauses = merged(flatten(note));
            if (clauses.size() == 1) {
                groups.get(group).add(messages.get("report.env.note", messages.note(id), clauses.get(0)));
            } else {
                groups.get(group).add(messages.get("report.env.note-heading", messages.note(id)));
                clauses.forEach(clause -> groups.get(group).add("  " + messages.text(clause)));
            }
        });
        List<Group> out = new ArrayList<>();
        groups.forEach((group, lines) -> {
            if (!lines.isEmpty()) {
                out.add(new Group("report.env." + group, lines));
            }
        });
        return out;
    }

    private static Object argument(Message note) {
        return note.args().isEmpty() ? "" : note.args().get(0);
    }

    /** The clauses a note was joined from ({@link Message#clauses}), in order. */
    static List<Message> flatten(Message note) {
        List<Message> parts = new ArrayList<>();
        if (CLAUSES.equals(note.key())) {
            note.args().forEach(arg -> parts.addAll(arg instanceof Message m ? flatten(m) : List.of(Message.verbatim(arg))));
        } else {
            parts.add(note);
        }
        return parts;
    }

    /**
     * Clauses of one sentence that differ only in their first argument (the service) become one, its first
     * argument the list of them; other clauses are kept as they are, each once.
     */
    static List<Message> merged(List<Message> clauses) {
        Map<List<Object>, List<Object>> subjects = new LinkedHashMap<>();
        Map<List<Object>, Message> firstOf = new LinkedHashMap<>();
        for (Message clause : clauses) {
            List<Object> shape = new ArrayList<>();
            shape.add(clause.key() == null ? clause.literal() : clause.key());
            if (clause.key() != null && !clause.args().isEmpty()) {
                shape.addAll(clause.args().subList(1, clause.args().size()));
            } else {
                shape.addAll(clause.args());
            }
            firstOf.putIfAbsent(shape, clause);
            if (clause.key() != null && !clause.args().isEmpty() && !subjects.computeIfAbsent(shape, k -> new ArrayList<>())
                    .contains(clause.args().get(0))) {
                subjects.get(shape).add(clause.args().get(0));
            }
        }
        List<Message> out = new ArrayList<>();
        firstOf.forEach((shape, first) -> {
            List<Object> names = subjects.get(shape);
            if (names == null || names.size() < 2) {
                out.add(first);
            } else {
                List<Object> args = new ArrayList<>(first.args());
                args.set(0, List.copyOf(names));
                out.add(Message.msg(first.key(), args.toArray()));
            }
        });
        return out;
    }
}
