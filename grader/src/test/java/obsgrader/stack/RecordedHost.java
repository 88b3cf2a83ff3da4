package obsgrader.stack;

import static obsgrader.i18n.Message.msg;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import obsgrader.engine.Compose;
import obsgrader.engine.Docker;
import obsgrader.engine.Engine;
import obsgrader.engine.Shell;
import obsgrader.submission.Yaml;

/**
 * The machine as a boot sees it, played back: each command is answered by what Docker Engine 20.10.24 (API 1.41)
 * and Compose v2 2.26.1 (the grader's own, from Debian trixie) printed on the project's machine, recorded by
 * {@code src/test/resources/recorded/compose-v2/record.sh} (run it again when either changes). By default a boot that
 * succeeds; a test says which commands answer otherwise. Keeps what it was asked, in order.
 */
final class RecordedHost implements Host, Engine {
    private static final String RECORDED = "/recorded/compose-v2/";

    /** Compose's answers, by the first words of the command ({@code build api}, {@code up}). */
    private final Map<String, Shell.Result> answers = new LinkedHashMap<>();
    private final List<Docker.Container> containers = new ArrayList<>();
    private Shell.Result info = answer(List.of("docker", "info"), "engine-version");
    /** What the boot asked, in order: compose's words, the sweeps, the leftovers' removal, the egress. */
    final List<String> asked = new ArrayList<>();

    RecordedHost() {
        answering("config", "config-ok");
        answering("build", "build-ok");
        answering("up", "up-exits");
        answering("down", "down");
    }

    /** Compose answers the command starting with these words as it was recorded. */
    RecordedHost answering(String words, String recording) {
        answers.put(words, answer(List.of("compose", words), recording));
        return this;
    }

    /** The command starting with these words did not finish in time, having printed what was recorded. */
    RecordedHost timingOut(String words, String recording) {
        Shell.Result recorded = answer(List.of("compose", words), recording);
        answers.put(words, new Shell.Result(recorded.command(), -1, recorded.output(), true));
        return this;
    }

    /** The engine went away: {@code docker info} answers as it did with no daemon. */
    RecordedHost withoutEngine() {
        info = answer(List.of("docker", "info"), "info-no-engine");
        return this;
    }

    /** The run's containers, as {@code docker container inspect} printed them. */
    RecordedHost withContainer(String recording) {
        try {
            containers.add(new Docker.Container(Yaml.JSON.readTree(read(recording + ".json"))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** A recorded answer: its first line {@code exit N}, then the output. */
    static Shell.Result answer(List<String> command, String recording) {
        String text = read(recording + ".txt");
        int newline = text.indexOf('\n');
        int exit = Integer.parseInt(text.substring(0, newline).replace("exit ", "").strip());
        return new Shell.Result(command, exit, text.substring(newline + 1), false);
    }

    private static String read(String file) {
        try (InputStream in = RecordedHost.class.getResourceAsStream(RECORDED + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no recording " + RECORDED + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Compose prepare(Compose.Choice choice) {
        String version = answer(List.of("compose", "version"), "compose-version").output().strip();
        return new Compose(List.of("/var/cache/obsgrader/compose-v2/docker-compose"), Compose.Flavour.V2, version);
    }

    /** No Compose v2 resolves the model: the grader's own reading, as on a machine without one. */
    @Override
    public Optional<Compose> resolver() {
        return Optional.empty();
    }

    @Override
    public boolean engineAnswers() {
        asked.add("info");
        return info.ok();
    }

    @Override
    public String describeEngine() {
        return "Docker Engine " + answer(List.of("docker", "version"), "engine-version").output().strip();
    }

    @Override
    public Shell.Result compose(Compose compose, Duration timeout, String project, Path file, String... args) {
        String words = String.join(" ", args);
        asked.add(words);
        return answers.entrySet().stream().filter(answer -> words.startsWith(answer.getKey()))
                .max(Map.Entry.comparingByKey((one, other) -> one.length() - other.length()))
                .map(Map.Entry::getValue)
                .orElseThrow(() -> new IllegalStateException("no recorded answer to compose " + words));
    }

    @Override
    public String publishedHost() {
        return "127.0.0.1";
    }

    @Override
    public String bindAddress() {
        return "127.0.0.1";
    }

    @Override
    public void sweepAbandoned() {
        asked.add("sweep abandoned");
    }

    @Override
    public void sweepRun(String runId) {
        asked.add("sweep run");
    }

    @Override
    public void removeBuildLeftovers(String buildOutput) {
        asked.add("remove leftovers");
    }

    /** The firewall is left alone: a unit test changes nothing of the machine. */
    @Override
    public Egress cutEgress(String runId, List<String> bridges) {
        asked.add("cut egress");
        return Egress.uncut(runId, bridges, msg("grader.egress.no-iptables"));
    }

    /** The running stack's verbs: {@code docker logs} of the recorded container, the only one a boot's close asks. */
    @Override
    public Shell.Result run(Duration timeout, String... args) {
        asked.add("docker " + args[0]);
        return answer(List.of(args), "logs-exited");
    }

    @Override
    public List<Docker.Container> containers(String label) {
        return containers;
    }
}
