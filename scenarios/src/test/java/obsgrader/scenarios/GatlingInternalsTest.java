package obsgrader.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Optional;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.Test;

/** Gatling's release check is switched off in this JVM's memory, never in the user's Preferences. */
class GatlingInternalsTest {
    @Test
    void theReleaseCheckIsSkippedWithoutWritingTheUsersPreferences() throws Exception {
        Path usersRecord = Path.of(System.getProperty("user.home"), ".java", ".userPrefs", "io", "gatling", "latestVersion", "prefs.xml");
        Optional<FileTime> before = Files.exists(usersRecord) ? Optional.of(Files.getLastModifiedTime(usersRecord)) : Optional.empty();

        GatlingInternals.skipReleaseCheck();
        Preferences.userRoot().flush();

        assertThat(Preferences.userRoot()).isInstanceOf(InMemoryPreferences.class);
        Preferences record = Preferences.userRoot().node("/io/gatling/latestVersion");
        assertThat(record.getBoolean("lastCheckSuccess", true)).isFalse();
        assertThat(record.getLong("lastCheckTimestamp", 0)).isGreaterThan(System.currentTimeMillis());
        assertThat(Files.exists(usersRecord) ? Optional.of(Files.getLastModifiedTime(usersRecord)) : Optional.empty())
                .as("the user's Preferences file, untouched").isEqualTo(before);
    }
}
