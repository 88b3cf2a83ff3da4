package obsgrader.batch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** One submission of a class: a sub-folder of the batch folder, or a .zip in it, named after it. */
public record Student(String name, Path submission) {

    /** Every student of a batch folder, sorted by name; archives are unpacked under {@code workDir}. */
    public static List<Student> in(Path batch, Path workDir) {
        return in(batch, workDir, name -> true);
    }

    /** Every student's name in a batch folder, whichever shard grades them; nothing is unpacked. */
    public static List<String> names(Path batch) {
        List<String> names = new ArrayList<>();
        // every name is seen by the filter, and none wanted: no archive is unpacked
        in(batch, null, name -> !names.add(name));
        return names;
    }

    /** The students of a batch folder whose name is wanted (a shard's); only their archives are unpacked. */
    public static List<Student> in(Path batch, Path workDir, Predicate<String> wanted) {
        List<Student> students = new ArrayList<>();
        try (Stream<Path> entries = Files.list(batch)) {
            for (Path entry : entries.sorted().toList()) {
                String file = entry.getFileName().toString();
                if (file.startsWith(".")) {
                    continue;
                }
                if (Files.isDirectory(entry) && wanted.test(file)) {
                    students.add(new Student(file, entry));
                } else if (file.toLowerCase().endsWith(".zip")) {
                    String name = file.substring(0, file.length() - ".zip".length());
                    if (wanted.test(name)) {
                        students.add(new Student(name, unzip(entry, workDir.resolve(name))));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return students;
    }

    /** Unpacks an archive; a single top folder inside it is the submission. Entries escaping the folder are skipped. */
    static Path unzip(Path archive, Path into) {
        try {
            Files.createDirectories(into);
            try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(archive))) {
                for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                    Path target = into.resolve(entry.getName()).normalize();
                    if (!target.startsWith(into)) {
                        continue;
                    }
                    if (entry.isDirectory()) {
                        Files.createDirectories(target);
                    } else {
                        Files.createDirectories(target.getParent());
                        copy(zip, target);
                    }
                }
            }
            try (Stream<Path> top = Files.list(into)) {
                List<Path> entries = top.filter(p -> !p.getFileName().toString().startsWith("__MACOSX")).toList();
                return entries.size() == 1 && Files.isDirectory(entries.get(0)) ? entries.get(0) : into;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack " + archive + ": " + e.getMessage(), e);
        }
    }

    private static void copy(InputStream in, Path target) throws IOException {
        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
    }
}
