package obsgrader;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import obsgrader.engine.DockerEngine;
import obsgrader.engine.Shell;
import obsgrader.images.StandInImages;
import org.junit.jupiter.api.Test;

/** The reference API's own unit tests, run in the image its Dockerfile starts FROM. */
class SampleApiSelfIT {
    private static final String PYTHON = "python:3.11-slim";

    @Test
    void sampleApiTestsPassInItsPythonImage() {
        DockerEngine.ensureRunning();
        assertThat(StandInImages.fromCatalog().ensure(Set.of(PYTHON)).unavailable()).isEmpty();
        Path api = Path.of(System.getProperty("obsgrader.root", "..")).resolve("sample-api").toAbsolutePath().normalize();

        Shell.Result tests = Shell.run(Duration.ofMinutes(3), "docker", "run", "--rm", "--network", "none",
                "-v", api + ":/app:ro", "-w", "/app", "-e", "PYTHONDONTWRITEBYTECODE=1", PYTHON,
                "python", "-m", "unittest", "-v");

        assertThat(tests.ok()).as(tests.output()).isTrue();
        assertThat(tests.output()).contains("OK");
    }
}
