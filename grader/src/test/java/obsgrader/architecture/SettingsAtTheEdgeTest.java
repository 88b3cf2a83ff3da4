package obsgrader.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The grader's options ({@code -Dgrader.*}, {@code -Dload.*}, {@code -Dburst.*}, {@code -Dobsgrader.root}) are read
 * once, at the edge, into the settings handed to a run: no other class of main code reads them.
 */
class SettingsAtTheEdgeTest {
    /** Who may read them: the edge's records. */
    private static final Set<String> EDGE = Set.of("Settings.java", "RunSettings.java", "Knobs.java");
    private static final Pattern READS_AN_OPTION = Pattern.compile(
            "(System\\.getProperty|Long\\.getLong|Integer\\.getInteger|Boolean\\.getBoolean)\\(\"(grader\\.|load\\.|burst\\.|obsgrader\\.)"
            + "|System\\.getProperties\\(\\)");

    @Test
    void onlyTheEdgeReadsTheOptions() throws IOException {
        List<String> readers;
        try (Stream<Path> files = Stream.of(Path.of("src/main/java"), Path.of("../scenarios/src/main/java")).flatMap(SettingsAtTheEdgeTest::walk)) {
            readers = files.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> !EDGE.contains(file.getFileName().toString()))
                    .filter(file -> READS_AN_OPTION.matcher(read(file)).find())
                    .map(Path::toString).toList();
        }
        assertThat(readers).isEmpty();
    }

    private static Stream<Path> walk(Path folder) {
        try {
            assertThat(folder).isDirectory();
            return Files.walk(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
