package obsgrader.checks.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import obsgrader.checks.Fixture;

/** The reference stack's rule files, as the submission model finds them: compose mounts, prometheus.yml, rules/. */
public final class ReferenceRules {
    private ReferenceRules() {
    }

    public static Fixture copiedInto(Fixture fixture) {
        fixture.withReference("docker-compose.yml").withReference("prometheus/prometheus.yml");
        try (Stream<Path> rules = Files.list(Fixture.reference().resolve("prometheus/rules"))) {
            rules.sorted().forEach(rule -> fixture.withReference("prometheus/rules/" + rule.getFileName()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return fixture;
    }
}
