package obsgrader.stack;

import static obsgrader.i18n.Message.msg;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import obsgrader.engine.Compose;
import obsgrader.i18n.Message;
import obsgrader.submission.ComposeFile;
import obsgrader.submission.ComposeVariables;
import obsgrader.submission.LabRole;
import obsgrader.submission.Mount;
import obsgrader.submission.Yaml;

/**
 * What a student's compose file may not do on the grading machine, checked before anything starts: a
 * submission is untrusted code run as root. Each refusal names the service and the option.
 */
public final class SubmissionPolicy {
    private static final List<String> NAMESPACES = List.of("network_mode", "pid", "ipc", "userns_mode", "uts");

    private final List<Path> trustedRoots;

    /**
     * @param trustedRoots folders a build context or bind mount may come from: the submission's own folder,
     *                     and the grader's reference material (the reference stack's app links to sample-api)
     */
    public SubmissionPolicy(List<Path> trustedRoots) {
        this.trustedRoots = trustedRoots.stream().map(SubmissionPolicy::real).toList();
    }

    /** One option the grader will not run, and why. */
    public record Refusal(String service, String option, Message reason) {
        /** The refusal as the report says it, e.g. "cadvisor: privileged: true (full access to the host)". */
        public Message sentence() {
            return msg("grader.refusal", service, option, reason);
        }

        /** Refusals one after another, for a report's sentence. */
        public static Message listed(List<Refusal> refusals) {
            return Message.clauses(refusals.stream().map(Refusal::sentence).toList());
        }

        @Override
        public String toString() {
            return sentence().toString();
        }
    }

    /**
     * The model that will run, judged ({@link ResolvedCompose}): the files it names first, then what compose
     * resolved. A refusal throws {@link StackFailure} naming the key and the file or service.
     *
     * @param v2 the Compose v2 that resolves the model; without one, the grader's own reading serves
     */
    public Admission admit(ComposeFile raw, String project, Optional<Compose> v2) {
        refuseAny(references(raw));
        ResolvedCompose resolved = ResolvedCompose.of(raw, project, v2);
        List<Refusal> refusals = new ArrayList<>(check(resolved.model()));
        if (!resolved.byCompose()) {
            refusals.addAll(unresolved(raw));
        }
        refuseAny(refusals);
        return new Admission(resolved, leftOut(resolved.model()), allowedExceptions(resolved.model()));
    }

    /**
     * A model the policy lets run.
     *
     * @param leftOut services the lab does not ask for that need what is refused, with the reasons
     * @param allowed allowed exceptions, for the report
     */
    public record Admission(ResolvedCompose resolved, Map<String, Message> leftOut, List<Message> allowed) {
    }

    private static void refuseAny(List<Refusal> refusals) {
        if (!refusals.isEmpty()) {
            throw new StackFailure(msg("grader.stack.refused", Refusal.listed(refusals)));
        }
    }

    /**
     * Allowed exceptions worth telling the student about: node-exporter's read-only host mounts, which the lab
     * asks for, and which the grader replaces by the container's own ({@link NodeExporterStandIns}).
     */
    public List<Message> allowedExceptions(ComposeFile compose) {
        List<Message> allowed = new ArrayList<>();
        compose.serviceFor(LabRole.NODE_EXPORTER).ifPresent(service -> compose.mounts(service).stream()
                .filter(this::isNodeExporterException)
                .forEach(m -> allowed.add(msg("grader.note.host-mount", service, m.source()))));
        return allowed;
    }

    /**
     * What stops the boot: refusals of the services the lab asks for. A service the lab does not ask for
     * (cAdvisor, a log shipper) that needs what is refused is left out instead: see {@link #leftOut}.
     */
    public List<Refusal> check(ComposeFile compose) {
        return everyRefusal(compose).stream().filter(r -> compose.roleOf(r.service()).isPresent()).toList();
    }

    /** The services the lab does not ask for that need what is refused, each with its reasons: they do not boot. */
    public Map<String, Message> leftOut(ComposeFile compose) {
        Map<String, Message> leftOut = new java.util.LinkedHashMap<>();
        everyRefusal(compose).stream().filter(r -> compose.roleOf(r.service()).isEmpty())
                .forEach(r -> leftOut.merge(r.service(), msg("grader.refusal.option", r.option(), r.reason()),
                        (one, other) -> msg("grader.clauses", one, other)));
        return leftOut;
    }

    /**
     * The files a compose file makes compose read before anything runs (its {@code .env}, {@code include},
     * {@code extends}, {@code env_file}, those of the files it includes or extends), each resolved through its
     * links: one outside the submission refuses the whole submission, before compose reads it. Compose inlines an
     * env_file into the model and quotes a file it cannot parse: reading such a file is already a leak.
     */
    public List<Refusal> references(ComposeFile raw) {
        List<Refusal> refusals = new ArrayList<>();
        Path dotEnv = raw.projectDir().resolve(".env");
        if (Files.exists(dotEnv, java.nio.file.LinkOption.NOFOLLOW_LINKS) && !trusted(dotEnv)) {
            refusals.add(new Refusal(raw.file().getFileName().toString(), ".env -> " + real(dotEnv),
                    msg("grader.refusal.outside-file")));
        }
        ComposeVariables variables = ComposeVariables.fromDotEnv(raw.projectDir());
        referencesOf(raw.file(), raw.tree(), variables, new java.util.HashSet<>(), refusals);
        return refusals;
    }

    private void referencesOf(Path file, JsonNode tree, ComposeVariables variables, Set<Path> seen, List<Refusal> refusals) {
        if (!seen.add(real(file))) {
            return;
        }
        Path folder = file.toAbsolutePath().getParent();
        String where = file.getFileName().toString();
        List<Path> followed = new ArrayList<>();
        tree.path("include").forEach(include -> {
            JsonNode paths = include.isTextual() ? include : include.path("path");
            (paths.isArray() ? paths : List.of(paths)).forEach(path -> followed.add(folder.resolve(path.asText())));
            texts(include.path("env_file")).forEach(envFile -> outside(where, "include env_file", folder.resolve(envFile), refusals));
            if (include.hasNonNull("project_directory")) {
                outside(where, "include project_directory", folder.resolve(include.get("project_directory").asText()), refusals);
            }
        });
        followed.forEach(path -> outside(where, "include", path, refusals));
        tree.path("services").fields().forEachRemaining(service -> {
            String name = where + " " + service.getKey();
            JsonNode extendsFile = service.getValue().path("extends").path("file");
            if (extendsFile.isTextual()) {
                Path path = folder.resolve(extendsFile.asText());
                outside(name, "extends file", path, refusals);
                followed.add(path);
            }
            for (String key : List.of("env_file", "label_file")) {
                texts(service.getValue().path(key)).forEach(envFile -> outside(name, key, folder.resolve(envFile), refusals));
            }
        });
        followed.stream().filter(path -> trusted(path) && Files.isRegularFile(path)).forEach(path -> {
            Yaml.ParseResult parsed = Yaml.read(path);
            if (parsed.ok()) {
                referencesOf(path, variables.apply(parsed.tree()), variables, seen, refusals);
            }
        });
    }

    /** The strings of a value written as one string, a list of strings, or a list of {@code {path: ...}}. */
    private static List<String> texts(JsonNode value) {
        if (value.isTextual()) {
            return List.of(value.asText());
        }
        List<String> texts = new ArrayList<>();
        value.forEach(item -> texts.add(item.isObject() ? item.path("path").asText() : item.asText()));
        return texts;
    }

    private void outside(String where, String key, Path path, List<Refusal> refusals) {
        if (!trusted(path)) {
            refusals.add(new Refusal(where, key + ": " + real(path), msg("grader.refusal.outside-file")));
        }
    }

    /**
     * What the grader's own reading cannot judge: without compose to resolve them, an {@code include} or an
     * {@code extends} brings services and options the policy would not see.
     */
    public List<Refusal> unresolved(ComposeFile raw) {
        List<Refusal> refusals = new ArrayList<>();
        if (raw.tree().has("include")) {
            refusals.add(new Refusal(raw.file().getFileName().toString(), "include", msg("grader.refusal.unresolved")));
        }
        raw.services().forEach((name, service) -> {
            if (service.has("extends")) {
                refusals.add(new Refusal(name, "extends", msg("grader.refusal.unresolved")));
            }
        });
        return refusals;
    }

    private List<Refusal> everyRefusal(ComposeFile compose) {
        List<Refusal> refusals = new ArrayList<>();
        String nodeExporter = compose.serviceFor(LabRole.NODE_EXPORTER).orElse("");
        for (Map.Entry<String, JsonNode> entry : compose.services().entrySet()) {
            String name = entry.getKey();
            JsonNode service = entry.getValue();
            if (service.path("privileged").asBoolean(false)) {
                refusals.add(new Refusal(name, "privileged: true", msg("grader.refusal.privileged")));
            }
            NAMESPACES.forEach(key -> {
                String mode = service.path(key).asText();
                if ("host".equals(mode) || mode.startsWith("container:")) {
                    refusals.add(new Refusal(name, key + ": " + mode, msg("grader.refusal.host-namespace")));
                }
            });
            service.path("volumes_from").forEach(from -> {
                if (from.asText().startsWith("container:")) {
                    refusals.add(new Refusal(name, "volumes_from: " + from.asText(), msg("grader.refusal.outside-container")));
                }
            });
            for (String key : List.of("cgroup_parent", "device_cgroup_rules", "runtime")) {
                if (service.hasNonNull(key)) {
                    refusals.add(new Refusal(name, key + ": " + service.get(key), msg("grader.refusal.unconfined")));
                }
            }
            if ("host".equals(service.path("cgroup").asText())) {
                refusals.add(new Refusal(name, "cgroup: host", msg("grader.refusal.host-namespace")));
            }
            if (!service.path("cap_add").isEmpty()) {
                refusals.add(new Refusal(name, "cap_add: " + service.path("cap_add"), msg("grader.refusal.capabilities")));
            }
            if (!service.path("devices").isEmpty()) {
                refusals.add(new Refusal(name, "devices: " + service.path("devices"), msg("grader.refusal.devices")));
            }
            service.path("security_opt").forEach(option -> {
                if (!option.asText().startsWith("no-new-privileges")) {
                    refusals.add(new Refusal(name, "security_opt: " + option.asText(), msg("grader.refusal.unconfined")));
                }
            });
            for (Mount mount : compose.mounts(name)) {
                refusals.addAll(mountRefusals(name, mount, name.equals(nodeExporter)));
            }
            refusals.addAll(volumeRefusals(compose, name));
            compose.buildContext(name).filter(context -> !trusted(context)).ifPresent(context -> refusals.add(
                    new Refusal(name, "build: " + context, msg("grader.refusal.build-context"))));
            refusals.addAll(buildRefusals(compose, name, service.path("build")));
        }
        refusals.addAll(topLevelFiles(compose, "secrets"));
        refusals.addAll(topLevelFiles(compose, "configs"));
        refusals.addAll(sharingWithRefused(compose, refusals));
        return refusals;
    }

    /** A named volume the engine makes a bind ({@code driver_opts} type none, o bind, device) or takes from outside. */
    private List<Refusal> volumeRefusals(ComposeFile compose, String name) {
        List<Refusal> refusals = new ArrayList<>();
        compose.mounts(name).stream().filter(mount -> !mount.isBind() && !mount.source().isEmpty()).forEach(mount -> {
            String source = mount.source();
            JsonNode definition = compose.tree().path("volumes").path(source);
            String device = definition.path("driver_opts").path("device").asText("");
            if (!device.isEmpty() && !trusted(compose.resolve(device))) {
                refusals.add(new Refusal(name, "volume " + source + " (driver_opts device: " + device + ")",
                        msg("grader.refusal.host-path")));
            }
            if (definition.path("external").asBoolean(false) || !definition.path("driver").asText("local").equals("local")) {
                refusals.add(new Refusal(name, "volume " + source + " " + definition, msg("grader.refusal.outside-volume")));
            }
        });
        return refusals;
    }

    /** What a build may take from the host: its Dockerfile, additional contexts, SSH agent, network and privileges. */
    private List<Refusal> buildRefusals(ComposeFile compose, String name, JsonNode build) {
        List<Refusal> refusals = new ArrayList<>();
        String dockerfile = build.path("dockerfile").asText("");
        if (dockerfile.startsWith("/") && !trusted(Path.of(dockerfile))) {
            refusals.add(new Refusal(name, "build dockerfile: " + dockerfile, msg("grader.refusal.build-context")));
        }
        build.path("additional_contexts").fields().forEachRemaining(context -> {
            String value = context.getValue().asText();
            if (!value.contains("://") && !value.startsWith("service:") && !trusted(compose.resolve(value))) {
                refusals.add(new Refusal(name, "build additional_contexts " + context.getKey() + ": " + value,
                        msg("grader.refusal.build-context")));
            }
        });
        if (!build.path("ssh").isMissingNode()) {
            refusals.add(new Refusal(name, "build ssh: " + build.get("ssh"), msg("grader.refusal.ssh")));
        }
        if ("host".equals(build.path("network").asText()) || build.path("privileged").asBoolean(false)
                || !build.path("entitlements").isMissingNode()) {
            refusals.add(new Refusal(name, "build: " + build, msg("grader.refusal.privileged")));
        }
        return refusals;
    }

    /** Every secret and config file, used or not (a build's {@code secrets:} reads them, too). */
    private List<Refusal> topLevelFiles(ComposeFile compose, String kind) {
        List<Refusal> refusals = new ArrayList<>();
        compose.tree().path(kind).fields().forEachRemaining(definition -> {
            String file = definition.getValue().path("file").asText("");
            if (!file.isEmpty() && !trusted(compose.resolve(file))) {
                compose.services().forEach((name, service) -> {
                    if (uses(service, kind, definition.getKey())) {
                        refusals.add(new Refusal(name, kind + " " + definition.getKey() + ": " + file,
                                msg("grader.refusal.host-path")));
                    }
                });
            }
        });
        return refusals;
    }

    private static boolean uses(JsonNode service, String kind, String name) {
        List<JsonNode> references = new ArrayList<>();
        service.path(kind).forEach(references::add);
        service.path("build").path(kind).forEach(references::add);
        return references.stream().anyMatch(r -> name.equals(r.isObject() ? r.path("source").asText() : r.asText()));
    }

    /**
     * A service that shares the namespaces or volumes of a refused one ({@code network_mode: service:x},
     * {@code volumes_from: x}) goes with it: it would reach what that one was refused.
     */
    private static List<Refusal> sharingWithRefused(ComposeFile compose, List<Refusal> refusals) {
        Set<String> refused = new java.util.HashSet<>();
        refusals.forEach(r -> refused.add(r.service()));
        List<Refusal> sharing = new ArrayList<>();
        compose.services().forEach((name, service) -> {
            List<String> shared = new ArrayList<>();
            NAMESPACES.forEach(key -> shared.add(service.path(key).asText().replaceFirst("^service:", "")));
            service.path("volumes_from").forEach(from -> shared.add(from.asText().split(":")[0]));
            shared.stream().filter(refused::contains).filter(other -> !other.equals(name)).findFirst().ifPresent(other ->
                    sharing.add(new Refusal(name, "shares " + other, msg("grader.refusal.shares-refused"))));
        });
        return sharing;
    }

    private List<Refusal> mountRefusals(String service, Mount mount, boolean isNodeExporter) {
        if (!mount.isBind()) {
            return List.of();
        }
        if (mount.source().endsWith("docker.sock") || real(mount.hostPath()).toString().endsWith("docker.sock")) {
            return List.of(new Refusal(service, "volume " + mount.source(), msg("grader.refusal.docker-socket")));
        }
        if (isNodeExporter && isNodeExporterException(mount)) {
            return List.of();
        }
        if (!trusted(mount.hostPath())) {
            return List.of(new Refusal(service, "volume " + mount.source() + ":" + mount.target(),
                    msg("grader.refusal.host-path")));
        }
        return List.of();
    }

    private boolean isNodeExporterException(Mount mount) {
        return mount.isBind() && mount.readOnly() && NodeExporterStandIns.HOST_PATHS.containsKey(mount.source());
    }

    /** Whether a host path, its links resolved, lies in the submission or the grader's reference material. */
    public boolean trusts(Path path) {
        return trusted(path);
    }

    private boolean trusted(Path path) {
        Path real = real(path);
        return trustedRoots.stream().anyMatch(real::startsWith);
    }

    /** The path with every link resolved, as far as it exists: a link inside the submission may point anywhere. */
    private static Path real(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Path existing = absolute;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return absolute;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(absolute));
        } catch (IOException e) {
            return absolute;
        }
    }
}
