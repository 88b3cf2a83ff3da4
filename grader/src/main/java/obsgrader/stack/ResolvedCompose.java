package obsgrader.stack;

import static obsgrader.i18n.Message.msg;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import obsgrader.engine.Compose;
import obsgrader.engine.Shell;
import obsgrader.i18n.Message;
import obsgrader.submission.ComposeFile;
import obsgrader.submission.Yaml;

/**
 * What compose will really run: the model {@code compose config} resolves from the submission's file, in its
 * project directory, with its {@code .env}, includes, extends, env_file, interpolation and profiles applied, and
 * without the grader's environment ({@link Compose#run}). Always Compose v2's: v1 (1.29) knows neither
 * {@code include} nor a file's {@code extends} as v2 does, and v2 is the one whose reading a teacher's machine
 * shares; the chosen compose then boots the sanitised copy of this model, which needs no resolving any more.
 *
 * <p>Resolving reads the files the compose file names: {@link SubmissionPolicy#references} refuses those outside
 * the submission first, so nothing outside it is read.
 *
 * @param model      the resolved model (the grader's own reading when there is no Compose v2: see {@link #by})
 * @param emptied    variables the file reads that were left empty: nothing of the grading machine fills them
 * @param by         which reading it is, for the report
 * @param byCompose  whether compose resolved it (include and extends applied), or the grader read the file itself
 */
public record ResolvedCompose(ComposeFile model, Set<String> emptied, Message by, boolean byCompose) {
    private static final Duration CONFIG = Duration.ofMinutes(1);
    /** Compose's warning: {@code The "GITHUB_TOKEN" variable is not set. Defaulting to a blank string.} */
    private static final Pattern NOT_SET = Pattern.compile("The \\\\?\"(\\w+)\\\\?\" variable is not set");

    /** Resolves with the Compose v2 found here, none fetched (a static grading's reading); see {@link #of(ComposeFile, String, Optional)}. */
    public static ResolvedCompose of(ComposeFile raw, String project) {
        return of(raw, project, Compose.findV2());
    }

    /**
     * Resolves with Compose v2 (a boot's is found or fetched: {@link Host#resolver}); with none, the grader's own
     * reading, which applies neither include nor extends (the policy then refuses both).
     */
    public static ResolvedCompose of(ComposeFile raw, String project, Optional<Compose> v2) {
        return v2.map(compose -> resolve(compose, raw, project))
                .orElseGet(() -> new ResolvedCompose(raw, Set.of(), msg("grader.resolved.own-reader"), false));
    }

    static ResolvedCompose resolve(Compose compose, ComposeFile raw, String project) {
        Shell.Result config = compose.run(CONFIG, project, raw.file(), "config", "--format", "json");
        String output = config.output();
        int json = output.startsWith("{") ? 0 : output.indexOf("\n{") + 1;
        if (!config.ok() || json <= 0 && !output.startsWith("{")) {
            throw new StackFailure(msg("grader.stack.command-failed", msg("grader.stack.invalid-compose",
                    compose.describe()), "compose config", config.tail(5)));
        }
        JsonNode tree;
        try {
            tree = Yaml.JSON.readTree(output.substring(json));
        } catch (IOException e) {
            throw new StackFailure(msg("grader.stack.command-failed", msg("grader.stack.invalid-compose",
                    compose.describe()), "compose config", e.getMessage()));
        }
        Set<String> emptied = new LinkedHashSet<>();
        Matcher notSet = NOT_SET.matcher(output.substring(0, json));
        while (notSet.find()) {
            emptied.add(notSet.group(1));
        }
        ObjectNode model = (ObjectNode) tree;
        model.remove("name");
        dropDerivedNames(model, project, "networks");
        dropDerivedNames(model, project, "volumes");
        emptied.addAll(passedThrough(model));
        return new ResolvedCompose(ComposeFile.resolved(raw.file(), model), emptied,
                Message.verbatim(compose.describe()), true);
    }

    /** The names compose derives ({@code project_data}) are dropped: what remains of {@code name:} is the student's. */
    private static void dropDerivedNames(ObjectNode model, String project, String kind) {
        model.path(kind).fields().forEachRemaining(e -> {
            if (e.getValue() instanceof ObjectNode definition
                    && (project + "_" + e.getKey()).equals(definition.path("name").asText())) {
                definition.remove("name");
            }
        });
    }

    /**
     * Variables a service or a build takes from compose's environment by name alone ({@code environment: [TOKEN]},
     * {@code args: [TOKEN]}): set to empty here, so no environment of any compose run can fill them.
     */
    private static List<String> passedThrough(ObjectNode model) {
        List<String> names = new ArrayList<>();
        model.path("services").forEach(service -> {
            emptyNulls(service.path("environment"), names);
            emptyNulls(service.path("build").path("args"), names);
        });
        return names;
    }

    private static void emptyNulls(JsonNode variables, List<String> names) {
        if (variables instanceof ObjectNode map) {
            List<String> empty = new ArrayList<>();
            map.fields().forEachRemaining(e -> {
                if (e.getValue().isNull()) {
                    empty.add(e.getKey());
                }
            });
            empty.forEach(name -> map.put(name, ""));
            names.addAll(empty);
        }
    }
}
