package obsgrader.batch;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code -Dgrader.regrade}: which students a batch grades again although their report is there. {@code true}
 * regrades the class, {@code NAME[,NAME...]} those students only (the others' reports are kept, the gradebook and
 * class page rebuilt with every one); absent or {@code false}, a batch resumes and regrades no one.
 */
public record Regrade(boolean all, Set<String> students) {
    public static final Regrade NONE = new Regrade(false, Set.of());
    public static final Regrade ALL = new Regrade(true, Set.of());

    public Regrade {
        students = Set.copyOf(students);
    }

    public static Regrade parse(String property) {
        String value = property == null ? "" : property.trim();
        if (value.isEmpty() || value.equalsIgnoreCase("false")) {
            return NONE;
        }
        if (value.equalsIgnoreCase("true")) {
            return ALL;
        }
        return new Regrade(false, new TreeSet<>(Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList()));
    }

    public boolean includes(String student) {
        return all || students.contains(student);
    }

    /** Refuses a name the class does not have: a typo would otherwise regrade no one, silently. */
    public Regrade within(Collection<String> classNames) {
        List<String> unknown = students.stream().filter(s -> !classNames.contains(s)).sorted().toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("grader.regrade: no student " + String.join(", ", unknown) + " in the class (its students: "
                    + String.join(", ", new TreeSet<>(classNames)) + ")");
        }
        return this;
    }
}
