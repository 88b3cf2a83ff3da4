package obsgrader.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Collections as Moodle and Canvas deliver them, and their archives as untrusted input. The layouts: Moodle's
 * "Download all submissions" (https://docs.moodle.org/en/Assignment_settings, "Download submissions in folders":
 * {@code <Full name>_<participant id>_assignsubmission_file_/}), Canvas's "Download Submissions" (Canvas Instructor
 * Guide, "How do I download all student submissions for an assignment?": {@code <lastfirst>_[LATE_]<user id>_<attachment id>_<file>}).
 */
class LmsCollectionsTest {
    @TempDir
    Path folder;

    /** A zip of {@code files} (name to content). */
    static Path zip(Path file, Map<String, String> files) throws IOException {
        Files.createDirectories(file.getParent());
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            for (var entry : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
            }
        }
        return file;
    }

    /** A zip of a folder's files under {@code prefix}/. */
    static Path zipFolder(Path file, Path source, String prefix) throws IOException {
        Files.createDirectories(file.getParent());
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file)); Stream<Path> files = Files.walk(source)) {
            for (Path path : files.filter(Files::isRegularFile).toList()) {
                zip.putNextEntry(new ZipEntry(prefix + "/" + source.relativize(path)));
                zip.write(Files.readAllBytes(path));
            }
        }
        return file;
    }

    @Test
    void moodlesDownloadStillZippedIsAClassNamedAfterItsStudentsWithTheirParticipantIds() throws IOException {
        Path download = folder.resolve("staging/course-TP-123.zip");
        Path ada = zip(folder.resolve("parts/stack.zip"), Map.of("stack/docker-compose.yml", "services: {}\n"));
        Path alan = zip(folder.resolve("parts/tp.zip"), Map.of("tp/docker-compose.yml", "services: {}\n"));
        Files.createDirectories(download.getParent());
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(download))) {
            zip.putNextEntry(new ZipEntry("Ada Lovelace_101_assignsubmission_file_/stack.zip"));
            zip.write(Files.readAllBytes(ada));
            zip.putNextEntry(new ZipEntry("Alan Turing_102_assignsubmission_file_/tp.zip"));
            zip.write(Files.readAllBytes(alan));
        }

        List<Student> students = Student.in(folder.resolve("staging"), folder.resolve("work"));

        assertThat(students).extracting(Student::name).containsExactly("Ada Lovelace", "Alan Turing");
        assertThat(students).extracting(Student::identity).containsExactly(new Identity("moodle", "Ada Lovelace", "101"),
                new Identity("moodle", "Alan Turing", "102"));
        assertThat(students.get(0).submission().resolve("docker-compose.yml")).exists();
        assertThat(students.get(0).submission().getFileName()).hasToString("stack");
        assertThat(students.get(1).submission().resolve("docker-compose.yml")).exists();
    }

    @Test
    void moodlesFilesNotInFoldersAndCanvassFilesInOneWrappingFolderAreStudentsToo() throws IOException {
        zip(folder.resolve("class/wrap/Ada Lovelace_101_assignsubmission_file_stack.zip"), Map.of("stack/compose.yaml", "services: {}\n"));
        zip(folder.resolve("class/wrap/lovelaceada_201_9001_stack.zip"), Map.of("docker-compose.yml", "services: {}\n"));
        zip(folder.resolve("class/wrap/turingalan_LATE_202_9002_tp-1.zip"), Map.of("a/b/docker-compose.yml", "services: {}\n"));

        List<Student> students = Student.in(folder.resolve("class"), folder.resolve("work"));

        assertThat(students).extracting(Student::identity).containsExactly(new Identity("moodle", "Ada Lovelace", "101"),
                new Identity("canvas", "lovelaceada", "201"), new Identity("canvas", "turingalan", "202"));
        assertThat(students).allSatisfy(s -> assertThat(Files.list(s.submission())
                .anyMatch(p -> p.getFileName().toString().matches("(docker-)?compose\\.ya?ml"))).isTrue());
    }

    @Test
    void twoStudentsTheLmsNamesAlikeAreKeptApartByTheirId() throws IOException {
        Files.createDirectories(folder.resolve("class/Ada Martin_1_assignsubmission_file_"));
        Files.createDirectories(folder.resolve("class/Ada Martin_2_assignsubmission_file_"));

        assertThat(Student.in(folder.resolve("class"), folder.resolve("work"))).extracting(Student::name)
                .containsExactly("Ada Martin", "Ada Martin (2)");
    }

    @Test
    void entriesEscapingTheFolderAndSymbolicLinksAreNotUnpacked() throws IOException {
        Path archive = folder.resolve("evil.zip");
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(archive.toFile())) {
            for (String name : List.of("../../slip.txt", "/tmp/h6-absolute-slip.txt", "ok/docker-compose.yml")) {
                zip.putArchiveEntry(new ZipArchiveEntry(name));
                zip.write("x".getBytes());
                zip.closeArchiveEntry();
            }
            ZipArchiveEntry link = new ZipArchiveEntry("ok/passwd");
            link.setUnixMode(0120777);
            zip.putArchiveEntry(link);
            zip.write("/etc/passwd".getBytes());
            zip.closeArchiveEntry();
        }

        Archives.unzip(archive, folder.resolve("into/x"));

        assertThat(folder.resolve("into/x/ok/docker-compose.yml")).exists();
        assertThat(folder.resolve("into/x/ok/passwd")).doesNotExist();
        assertThat(folder.resolve("slip.txt")).doesNotExist();
        assertThat(folder.resolve("into/slip.txt")).doesNotExist();
        assertThat(Path.of("/tmp/h6-absolute-slip.txt")).doesNotExist();
    }

    @Test
    void aZipBombIsRefusedByTheBytesItUnpacksNotByWhatItsHeadersClaim() throws IOException {
        Path bomb = folder.resolve("bomb.zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(bomb))) {
            zip.putNextEntry(new ZipEntry("zeros"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 3; i++) {
                zip.write(zeros);
            }
        }
        assertThat(Files.size(bomb)).isLessThan(10_000);

        assertThatThrownBy(() -> Archives.unzip(bomb, folder.resolve("b"), 100, 2L << 20))
                .isInstanceOf(Archives.Refused.class)
                .hasMessage("bomb.zip: unpacks to more than 2 MiB; leave out images, volumes' data and dependencies and zip it again");
    }

    @Test
    void tooManyEntriesAreRefused() throws IOException {
        Map<String, String> files = new java.util.LinkedHashMap<>();
        for (int i = 0; i < 11; i++) {
            files.put("f" + i, "");
        }
        Path many = zip(folder.resolve("many.zip"), files);

        assertThatThrownBy(() -> Archives.unzip(many, folder.resolve("m"), 10, 1 << 20)).isInstanceOf(Archives.Refused.class)
                .hasMessageStartingWith("many.zip: more than 10 entries");
    }

    @Test
    void aRefusedArchiveMakesItsStudentNotGradableAndTheClassGoesOn() throws IOException, InterruptedException {
        Path broken = folder.resolve("class/Eve_7_assignsubmission_file_/stack.zip");
        Files.createDirectories(broken.getParent());
        Files.writeString(broken, "not a zip");
        Path ok = folder.resolve("class/Bob_8_assignsubmission_file_");
        Files.createDirectories(ok);
        try (OutputStream out = Files.newOutputStream(ok.resolve("docker-compose.yml"))) {
            out.write("services: {}\n".getBytes());
        }

        List<Row> rows = BatchGrader.of(folder.resolve("class")).withReportsTo(folder.resolve("reports"))
                .withRubric(MoodleClassTest.QUICK).withMode(obsgrader.grading.Mode.STATIC).withParallelism(1).run();

        assertThat(rows).extracting(Row::student).containsExactly("Bob", "Eve");
        assertThat(rows.get(0).gradable()).isTrue();
        assertThat(rows.get(1).gradable()).isFalse();
        assertThat(rows.get(1).reason()).contains("cannot unpack stack.zip");
    }
}
