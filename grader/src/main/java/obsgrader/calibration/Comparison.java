package obsgrader.calibration;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The grader against the hand, in the grader's points: per line {@code (grader fraction − hand fraction) × the
 * line's points} (signed: above zero the grader gives more), per stack their sum, then the whole set.
 */
public final class Comparison {
    /** One line of one stack: the grader's points out of the rubric's, and the hand item it is paired with. */
    public record Line(String stack, String check, double max, double grader, HandScore.Item hand) {
        public double handPoints() {
            return hand.fraction() * max;
        }

        public double signed() {
            return grader - handPoints();
        }

        public double off() {
            return Math.abs(signed());
        }
    }

    public record Stack(String name, List<Line> lines, List<String> unpaired) {
        public double off() {
            return lines.stream().mapToDouble(Line::off).sum();
        }

        public double signed() {
            return lines.stream().mapToDouble(Line::signed).sum();
        }

        public double grader() {
            return lines.stream().mapToDouble(Line::grader).sum();
        }

        public double hand() {
            return lines.stream().mapToDouble(Line::handPoints).sum();
        }

        public double max() {
            return lines.stream().mapToDouble(Line::max).sum();
        }
    }

    private final List<Stack> stacks = new ArrayList<>();

    /**
     * Pairs a stack's graded lines (rubric id to the grader's points and the line's maximum) with its hand score.
     * A line whose hand item is missing is listed as unpaired, not counted.
     */
    public Stack add(String name, Map<String, double[]> graded, HandScore hand) {
        List<Line> lines = new ArrayList<>();
        List<String> unpaired = new ArrayList<>();
        Pairing.lines().forEach((check, place) -> {
            double[] score = graded.get(check);
            Optional<HandScore.Item> item = hand.item(place.criterion(), place.index());
            if (score == null || item.isEmpty()) {
                unpaired.add(check);
            } else {
                lines.add(new Line(name, check, score[1], score[0], item.get()));
            }
        });
        Stack stack = new Stack(name, lines, unpaired);
        stacks.add(stack);
        return stack;
    }

    public List<Stack> stacks() {
        return stacks;
    }

    public double meanOff() {
        return stacks.stream().mapToDouble(Stack::off).average().orElse(0);
    }

    public double meanSigned() {
        return stacks.stream().mapToDouble(Stack::signed).average().orElse(0);
    }

    public Optional<Stack> worst() {
        return stacks.stream().max(Comparator.comparingDouble(Stack::off));
    }

    public long within(double points) {
        return stacks.stream().filter(s -> s.off() <= points + 1e-9).count();
    }

    /** Every compared line over the stacks, by rubric id in the pairing's order. */
    public Map<String, List<Line>> byLine() {
        Map<String, List<Line>> lines = new LinkedHashMap<>();
        Pairing.lines().keySet().forEach(check -> lines.put(check, new ArrayList<>()));
        stacks.forEach(s -> s.lines().forEach(l -> lines.get(l.check()).add(l)));
        lines.values().removeIf(List::isEmpty);
        return lines;
    }

    /** The table a person reads: per stack, per line, overall, then each stack's lines that are off. */
    public String render() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%-72s %6s %6s %6s %7s  %s%n", "stack", "hand", "grader", "off", "signed", "largest lines (signed)"));
        for (Stack s : stacks) {
            out.append(String.format(Locale.ROOT, "%-72s %6.1f %6.1f %6.1f %+7.1f  %s%n", s.name(), s.hand(), s.grader(),
                    s.off(), s.signed(), largest(s.lines(), 3)));
        }
        out.append(String.format(Locale.ROOT, "%nper line (mean over the stacks)%n%-28s %6s %9s %9s  %s%n", "line", "points", "mean off", "signed", "worst"));
        byLine().forEach((check, lines) -> {
            Line worst = lines.stream().max(Comparator.comparingDouble(Line::off)).orElseThrow();
            out.append(String.format(Locale.ROOT, "%-28s %6.1f %9.2f %+9.2f  %.1f (%s)%n", check, lines.get(0).max(),
                    lines.stream().mapToDouble(Line::off).average().orElse(0),
                    lines.stream().mapToDouble(Line::signed).average().orElse(0), worst.off(), worst.stack()));
        });
        double lineTotal = stacks.isEmpty() ? 0 : stacks.get(0).max();
        out.append(String.format(Locale.ROOT, "%noverall on %d stacks, %.0f file-decided points: mean off %.2f per stack, worst %s, "
                        + "%d of %d within 5, signed mean %+.2f (%s)%n", stacks.size(), lineTotal, meanOff(),
                worst().map(w -> String.format(Locale.ROOT, "%.1f (%s)", w.off(), w.name())).orElse("-"), within(5), stacks.size(),
                meanSigned(), meanSigned() < -0.5 ? "the grader is lower" : meanSigned() > 0.5 ? "the grader is higher" : "neither side favoured"));
        for (Stack s : stacks) {
            out.append(String.format(Locale.ROOT, "%n%s%n", s.name()));
            s.lines().stream().filter(l -> l.off() >= 0.05).forEach(l -> out.append(String.format(Locale.ROOT,
                    "  %-26s grader %4.1f  hand %4.1f/%-4.1f (%s/%s)  %+5.1f%n", l.check(), l.grader(), l.handPoints(), l.max(),
                    number(l.hand().awarded()), number(l.hand().max()), l.signed())));
            if (!s.unpaired().isEmpty()) {
                out.append("  not compared (no hand item or no grader line): ").append(String.join(", ", s.unpaired())).append('\n');
            }
        }
        return out.toString();
    }

    /** Every compared line as tab-separated values, to keep a run's figures beside another's. */
    public String tsv() {
        StringBuilder out = new StringBuilder("stack\tline\tpoints\tgrader\thand\tsigned\n");
        stacks.forEach(s -> s.lines().forEach(l -> out.append(String.format(Locale.ROOT, "%s\t%s\t%s\t%.2f\t%.2f\t%+.2f%n",
                l.stack(), l.check(), number(l.max()), l.grader(), l.handPoints(), l.signed()))));
        return out.toString();
    }

    private static String largest(List<Line> lines, int how) {
        return String.join(", ", lines.stream().filter(l -> l.off() >= 0.05).sorted(Comparator.comparingDouble(Line::off).reversed())
                .limit(how).map(l -> String.format(Locale.ROOT, "%s %+.1f", l.check(), l.signed())).toList());
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
