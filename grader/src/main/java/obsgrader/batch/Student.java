package obsgrader.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import obsgrader.submission.Folders;

/**
 * One submission of a class: a sub-folder of the batch folder, or a .zip in it, named after the student as the
 * LMS names it ({@link Identity}). Collections come as LMSs deliver them: Moodle's "download all submissions"
 * ({@code <Full name>_<id>_assignsubmission_file_/} holding the student's zip of their {@code stack/} folder, or
 * the same as files when not in folders), Canvas's ({@code <lastfirst>_[LATE_]<id>_<attachment>_<file>.zip}),
 * the whole download still zipped, or wrapped in one folder. Inside a student's entry, a single zip or a single
 * folder without a compose file is opened until the submission is found.
 */
public record Student(String name, Path entry, Identity identity, Path workDir) {
    /** How deep wrapping folders and nested zips are opened: deeper is not a submission. */
    private static final int MAX_DEPTH = 4;
    private static final List<String> COMPOSE_FILES = List.of("docker-compose.yml", "docker-compose.yaml", "compose.yml", "compose.yaml");

    /** Every student of a batch folder, sorted by name; archives are unpacked under {@code workDir}. */
    public static List<Student> in(Path batch, Path workDir) {
        return in(batch, workDir, name -> true);
    }

    /** The students of a batch folder whose name is wanted (a shard's); only their archives are unpacked. */
    public static List<Student> in(Path batch, Path workDir, Predicate<String> wanted) {
        Path root = classRoot(batch, workDir.resolve(".class"), 0);
        List<Student> students = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Path entry : entries(root)) {
            String file = entry.getFileName().toString();
            boolean archive = file.toLowerCase(Locale.ROOT).endsWith(".zip");
            if (!archive && !Files.isDirectory(entry)) {
                continue;
            }
            Identity identity = Identity.of(file);
            // two students the LMS names alike (two Ada Martin) keep apart by their LMS id
            String name = names.add(identity.fullName()) ? identity.fullName() : identity.fullName() + " (" + identity.id() + ")";
            if (wanted.test(name)) {
                students.add(new Student(name, entry, identity, workDir.resolve(name)));
            }
        }
        students.sort(java.util.Comparator.comparing(Student::name));
        return students;
    }

    /**
     * The submission's folder, its archives unpacked afresh: called where the student is graded, so that an archive
     * refused ({@link Archives.Refused}) makes that student not gradable, with the reason, and the class goes on.
     */
    public Path submission() {
        boolean archive = entry.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip");
        return open(archive ? unpacked(entry, workDir) : entry, workDir, 0);
    }

    /**
     * The submission in a folder a platform delivered (Gradescope's {@code /autograder/submission}, PrairieLearn's
     * {@code /grade/student}): the folder itself, or the single zip or folder it holds, opened.
     */
    public static Path find(Path folder, Path workDir) {
        return open(folder, workDir, 0);
    }

    /** The class's folder: a download still zipped, or a single wrapping folder, is opened. */
    private static Path classRoot(Path folder, Path workDir, int depth) {
        List<Path> entries = entries(folder);
        if (depth >= MAX_DEPTH || entries.size() != 1) {
            return folder;
        }
        Path only = entries.get(0);
        String file = only.getFileName().toString();
        if (Identity.of(file).lms().isEmpty() && file.toLowerCase(Locale.ROOT).endsWith(".zip") && !isSubmissionZip(only)) {
            return classRoot(unpacked(only, workDir.resolve(String.valueOf(depth))), workDir, depth + 1);
        }
        if (Identity.of(file).lms().isEmpty() && Files.isDirectory(only) && !hasCompose(only) && entries(only).size() > 1) {
            return classRoot(only, workDir, depth + 1);
        }
        return folder;
    }

    /** Inside a student's entry: a single zip, or a single folder, without a compose file beside it, is the submission. */
    private static Path open(Path folder, Path workDir, int depth) {
        if (depth >= MAX_DEPTH || hasCompose(folder)) {
            return folder;
        }
        List<Path> entries = entries(folder);
        if (entries.size() != 1) {
            return folder;
        }
        Path only = entries.get(0);
        if (Files.isDirectory(only)) {
            return open(only, workDir, depth + 1);
        }
        if (only.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip")) {
            return open(unpacked(only, workDir.resolve("nested-" + depth)), workDir, depth + 1);
        }
        return folder;
    }

    private static Path unpacked(Path archive, Path into) {
        if (Files.exists(into)) {
            Folders.delete(into);
        }
        Archives.unzip(archive, into);
        return into;
    }

    /** A zip holding a compose file near its top is one student's, not a class's download. */
    private static boolean isSubmissionZip(Path archive) {
        try (var zip = new java.util.zip.ZipFile(archive.toFile())) {
            return zip.stream().anyMatch(e -> COMPOSE_FILES.contains(Path.of(e.getName()).getFileName().toString())
                    && Path.of(e.getName()).getNameCount() <= 2);
        } catch (IOException e) {
            return true;
        }
    }

    private static boolean hasCompose(Path folder) {
        return COMPOSE_FILES.stream().anyMatch(name -> Files.isRegularFile(folder.resolve(name)));
    }

    /** A folder's entries, sorted, without hidden files and macOS's {@code __MACOSX}. */
    private static List<Path> entries(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(p -> !p.getFileName().toString().startsWith(".") && !p.getFileName().toString().startsWith("__MACOSX"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
