package obsgrader.checks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import obsgrader.clients.AlertmanagerApi;
import obsgrader.clients.PrometheusApi;
import obsgrader.clients.ShopClient;
import obsgrader.scenarios.LoadResults;
import obsgrader.scenarios.LoadTarget;
import obsgrader.stack.LabStack;
import obsgrader.stack.SubmissionPolicy;
import obsgrader.submission.LabRole;
import obsgrader.submission.Submission;
import obsgrader.tools.PromTools;
import obsgrader.i18n.Message;

/**
 * A small submission written file by file into a temporary folder, graded statically: the context a check's
 * unit test judges (live parts are not assessed, as in static mode).
 */
public final class Fixture implements GradingContext {
    private final Path root;
    private final PromTools tools = new PromTools(true);
    private Submission submission;
    private final Map<Class<?>, Object> memo = new HashMap<>();

    public Fixture(Path root) {
        this.root = root;
    }

    /** Writes a file of the submission (parents created); returns this for chaining. */
    public Fixture with(String path, String text) {
        try {
            Path file = root.resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        submission = null;
        return this;
    }

    /** Copies a file of the reference stack into the fixture, so a test changes only what it is about. */
    public Fixture withReference(String path) {
        try {
            return with(path, Files.readString(reference().resolve(path)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The reference's compose file, prometheus.yml and every rule file: what the rule checks read. */
    public Fixture withReferencePrometheus() {
        withReference("docker-compose.yml").withReference("prometheus/prometheus.yml");
        try (Stream<Path> rules = Files.list(reference().resolve("prometheus/rules"))) {
            rules.sorted().forEach(rule -> withReference("prometheus/rules/" + rule.getFileName()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public static Path reference() {
        return Path.of(System.getProperty("obsgrader.reference", "../stack"));
    }

    public Verdict judge(Check check) throws Exception {
        return check.judge(this);
    }

    @Override
    public Submission submission() {
        if (submission == null) {
            submission = Submission.load(root);
        }
        return submission;
    }

    @Override
    public LabStack stack() {
        throw new NotAssessed(Message.literal("fixture: no stack"));
    }

    @Override
    public String service(LabRole role) {
        throw new NotAssessed(Message.literal("fixture: no stack"));
    }

    @Override
    public PrometheusApi prometheus() {
        throw new NotAssessed(Message.literal("fixture: no stack"));
    }

    @Override
    public AlertmanagerApi alertmanager() {
        throw new NotAssessed(Message.literal("fixture: no stack"));
    }

    @Override
    public ShopClient shop() {
        throw new NotAssessed(Message.literal("fixture: no stack"));
    }

    @Override
    public SubmissionPolicy policy() {
        return new SubmissionPolicy(List.of(root, reference().resolve("../sample-api")));
    }

    @Override
    public boolean bootsStacks() {
        return false;
    }

    @Override
    public PromTools tools() {
        return tools;
    }

    @Override
    public Duration evaluationInterval() {
        return Duration.ofSeconds(15);
    }

    @Override
    public Duration scrapeInterval() {
        return Duration.ofSeconds(15);
    }

    @Override
    public LoadResults load() {
        throw new NotAssessed(Message.literal("fixture: no stack"));
    }

    @Override
    public LoadTarget loadTarget() {
        throw new NotAssessed(Message.literal("fixture: no stack"));
    }

    @Override
    public <T> T once(Class<T> kind, Supplier<T> compute) {
        return kind.cast(memo.computeIfAbsent(kind, k -> compute.get()));
    }

    @Override
    public Path reportFolder() {
        throw new NotAssessed(Message.literal("fixture: no stack"));
    }
}
