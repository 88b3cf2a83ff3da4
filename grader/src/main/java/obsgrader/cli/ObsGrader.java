package obsgrader.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import obsgrader.batch.BatchGrader;
import obsgrader.batch.CsvDialect;
import obsgrader.batch.Gradebook;
import obsgrader.batch.Row;
import obsgrader.batch.Student;
import obsgrader.grading.Grading;
import obsgrader.grading.Mode;
import obsgrader.grading.RunSettings;
import obsgrader.grading.Settings;
import obsgrader.report.FinishGrading;
import obsgrader.report.ReportWriter;
import obsgrader.rubric.Rubric;
import obsgrader.submission.Submission;

/**
 * The grader without this repository, for students and graders' containers: {@code java -jar obsgrader.jar}
 * (the {@code -Pdist} build's self-contained jar; it holds neither the reference solution nor the corpora).
 *
 * <pre>
 * java -jar obsgrader.jar grade FOLDER [--static] [--lang fr] [--rubric FILE] [--reports DIR]
 *                               [--visibility after_published] [--github] [--no-gate]
 * java -jar obsgrader.jar class DIR [--static] [--csv excel-fr] [--canvas-assignment "TP (123)"] [--parallel N] [--stacks M] [--regrade]
 * </pre>
 *
 * {@code grade} writes the same reports as {@code mvn verify -Dstack=FOLDER} (card.txt, score.md, results.json,
 * prairielearn.json, classroom.json, annotations.txt, the charts) into {@code REPORTS/latest} and exits 1 below the
 * pass mark, 75 when not gradable (as {@code examples/grade.sh}; not with {@code --no-gate}); {@code --github} prints the lost lines as workflow
 * annotations. {@code class} grades a class folder as {@code mvn verify -Dsubmissions=DIR} does.
 */
public final class ObsGrader {
    private static final String USAGE = """
            usage: java -jar obsgrader.jar grade FOLDER [--static] [--lang en|fr] [--rubric FILE] [--reports DIR]
                                              [--visibility visible|hidden|after_due_date|after_published] [--github] [--no-gate]
                   java -jar obsgrader.jar class DIR [--static] [--lang en|fr] [--rubric FILE] [--reports DIR]
                                              [--csv rfc|excel-fr] [--canvas-assignment NAME] [--parallel N] [--stacks M] [--regrade]""";

    private ObsGrader() {
    }

    public static void main(String[] args) throws InterruptedException {
        int status;
        try {
            status = run(args);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            System.err.println(e.getMessage());
            status = 2;
        }
        System.exit(status);
    }

    /** The exit status: 0 done, 1 below the pass mark, 75 not gradable, 2 a usage error. */
    static int run(String[] args) throws InterruptedException {
        if (args.length < 2) {
            throw new IllegalArgumentException(USAGE);
        }
        Options options = Options.parse(args);
        Path target = Path.of(args[1]).toAbsolutePath().normalize();
        if (!Files.isDirectory(target)) {
            throw new IllegalArgumentException(target + ": no such folder\n" + USAGE);
        }
        Settings settings = options.settings(target);
        return switch (args[0]) {
            case "grade" -> grade(settings, options);
            case "class" -> gradeClass(settings, options);
            default -> throw new IllegalArgumentException("unknown command '" + args[0] + "'\n" + USAGE);
        };
    }

    private static int grade(Settings settings, Options options) {
        Path latest = settings.freshLatest();
        Rubric rubric = settings.loadRubric();
        // a student's upload may be their stack/ folder zipped, or in a folder of its own
        Path submission = Student.find(settings.stack(), settings.reports().resolve(".unpacked"));
        try (Grading grading = new Grading(Submission.load(submission, settings.run().referenceMaterial()), rubric, settings.mode(), latest, settings.run())) {
            ReportWriter.write(grading.card(), latest, rubric.messages(), options.value("--visibility", "visible"));
        }
        Optional<String> failure = FinishGrading.finish(latest, !options.flag("--no-gate"));
        if (options.flag("--github")) {
            try {
                Files.readAllLines(latest.resolve(ReportWriter.ANNOTATIONS)).forEach(System.out::println);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        failure.ifPresent(System.err::println);
        // as examples/grade.sh: 1 below the pass mark, 75 (EX_TEMPFAIL) when the machine could not grade
        return failure.isEmpty() ? 0 : Files.exists(latest.resolve(ReportWriter.RESULTS)) && !gradable(latest) ? 75 : 1;
    }

    private static boolean gradable(Path latest) {
        try {
            return obsgrader.submission.Yaml.JSON.readTree(latest.resolve(ReportWriter.RESULTS).toFile())
                    .path("extra_data").path("gradable").asBoolean();
        } catch (IOException e) {
            return false;
        }
    }

    private static int gradeClass(Settings settings, Options options) throws InterruptedException {
        Path reports = settings.reports().resolve(settings.stack().getFileName().toString());
        BatchGrader batch = BatchGrader.of(settings.stack()).withReportsTo(reports).withRubric(settings.loadRubric())
                .withMode(settings.mode())
                .withSettings(settings.run())
                .withRegrade(options.flag("--regrade"))
                .withExports(new Gradebook.Exports(CsvDialect.parse(options.value("--csv", "rfc")),
                        options.value("--canvas-assignment", Gradebook.Exports.DEFAULT.canvasAssignment())));
        if (options.has("--parallel")) {
            batch.withParallelism(Integer.parseInt(options.value("--parallel", "1")));
        }
        if (options.has("--stacks")) {
            batch.withStacks(Integer.parseInt(options.value("--stacks", "0")));
        }
        List<Row> rows = batch.run();
        System.out.println("[class] " + rows.size() + " students, gradebooks and summary in " + reports);
        return 0;
    }

    /** The command line's options after the command and its folder: {@code --name value} or a flag. */
    record Options(Map<String, String> values) {
        private static final List<String> FLAGS = List.of("--static", "--github", "--no-gate", "--regrade");

        static Options parse(String[] args) {
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 2; i < args.length; i++) {
                if (FLAGS.contains(args[i])) {
                    values.put(args[i], "true");
                } else if (args[i].startsWith("--") && i + 1 < args.length) {
                    values.put(args[i], args[++i]);
                } else {
                    throw new IllegalArgumentException("unknown option '" + args[i] + "'\n" + USAGE);
                }
            }
            return new Options(values);
        }

        boolean flag(String name) {
            return values.containsKey(name);
        }

        boolean has(String name) {
            return values.containsKey(name);
        }

        String value(String name, String otherwise) {
            return values.getOrDefault(name, otherwise);
        }

        /** The run's settings: the folder, the rubric file given (else the jar's own), the mode, the reports, the language. */
        Settings settings(Path folder) {
            return new Settings(folder, has("--rubric") ? Path.of(value("--rubric", "")).toAbsolutePath() : bundledRubric(),
                    flag("--static") ? Mode.STATIC : Mode.FULL,
                    Path.of(value("--reports", "obsgrader-reports")).toAbsolutePath().normalize(), value("--lang", ""),
                    RunSettings.fromSystemProperties());
        }

        private static Path bundledRubric() {
            try (InputStream in = ObsGrader.class.getResourceAsStream("/obsgrader/rubric.yml")) {
                Path copy = Files.createTempFile("obsgrader-rubric", ".yml");
                copy.toFile().deleteOnExit();
                Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
                return copy;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
