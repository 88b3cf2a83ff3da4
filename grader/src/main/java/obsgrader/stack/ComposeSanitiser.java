package obsgrader.stack;

import static obsgrader.i18n.Message.msg;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import obsgrader.i18n.Message;
import obsgrader.submission.ComposeFile;
import obsgrader.submission.LabRole;

/**
 * Turns a student's compose file into one that can run beside others on a shared grading machine, without
 * touching the student's file: no fixed container names, published ports on ephemeral loopback ports only,
 * absolute host paths (the copy lives in the run's folder), a label on every service for cleanup, and the
 * services that cannot run here left out.
 */
public final class ComposeSanitiser {
    public static final String RUN_LABEL = "obsgrader.run";
    /** The pid of the JVM that started the run: a run whose owner is gone was abandoned (kill -9, crash). */
    public static final String OWNER_LABEL = "obsgrader.owner";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final String runId;
    /** Services left out of the boot, with the reason, in the order they were left out. */
    private final Map<String, Message> leftOut;
    private final Limits limits;
    private final List<Message> changes = new ArrayList<>();
    private String publishedOn = "127.0.0.1";
    private BuildCache buildCache = BuildCache.none();
    private List<String> bridges = List.of();

    public ComposeSanitiser(String runId, Map<String, Message> leftOut, Limits limits) {
        this.runId = runId;
        this.leftOut = leftOut;
        this.limits = limits;
    }

    /** The address ports are published on (the loopback unless the engine is remote: {@code Docker.bindAddress}). */
    public ComposeSanitiser publishingOn(String address) {
        this.publishedOn = address;
        return this;
    }

    /** Services whose image is in the build cache, or is to be built into it ({@link BuildCache}). */
    public ComposeSanitiser withBuildCache(BuildCache buildCache) {
        this.buildCache = buildCache;
        return this;
    }

    /** The bridge interfaces the run's networks get, known before `up` creates them (see {@link Egress}). */
    public List<String> bridges() {
        return bridges;
    }

    /** What was changed, one line a change, for the report. */
    public List<Message> changes() {
        return List.copyOf(changes);
    }

    public ObjectNode sanitise(ComposeFile compose) {
        ObjectNode copy = compose.tree().deepCopy();
        ObjectNode services = (ObjectNode) copy.get("services");
        leftOut.forEach((name, reason) -> {
            if (services.remove(name) != null) {
                changes.add(msg("grader.sanitised.left-out", name, reason));
            }
        });
        services.fields().forEachRemaining(e -> sanitiseService(compose, e.getKey(), (ObjectNode) e.getValue()));
        absolutiseFiles(compose, copy.path("configs"));
        absolutiseFiles(compose, copy.path("secrets"));
        copy.path("volumes").fields().forEachRemaining(volume -> {
            // a fixed name would reach a volume of the machine's or another run's: the run names its own
            if (volume.getValue() instanceof ObjectNode definition && !definition.path("external").asBoolean(false)
                    && definition.remove("name") != null) {
                changes.add(msg("grader.sanitised.volume-name", volume.getKey()));
            }
        });
        labelDefinitions(copy, "volumes");
        if (!copy.path("networks").isObject()) {
            copy.putObject("networks");
        }
        if (!copy.path("networks").has("default")) {
            ((ObjectNode) copy.get("networks")).putObject("default");
        }
        bridges = RunNetworks.contain(copy, runId, changes);
        labelDefinitions(copy, "networks");
        escapeDollars(copy);
        changes.add(msg("grader.sanitised.limits", limits.memory(), limits.cpus(), limits.pids(), limits.logSize()));
        return copy;
    }

    private void sanitiseService(ComposeFile compose, String name, ObjectNode service) {
        // the model holds the services compose would start, profiles applied: those, and no other, run
        if (service.remove("profiles") != null) {
            changes.add(msg("grader.sanitised.profiles", name));
        }
        if (compose.roleOf(name).filter(role -> role == LabRole.NODE_EXPORTER).isPresent()) {
            NodeExporterStandIns.apply(service);
        }
        JsonNode containerName = service.remove("container_name");
        if (containerName != null) {
            keepReachableAs(service, containerName.asText());
            changes.add(msg("grader.sanitised.container-name", name));
        }
        if (service.has("ports")) {
            ArrayNode ports = NODES.arrayNode();
            service.get("ports").forEach(port -> ports.add(ephemeral(port)));
            service.set("ports", ports);
        }
        if (buildCache.reused(name)) {
            // built from the same files by an earlier run: that image runs, nothing builds
            service.remove("build");
            service.put("image", buildCache.entry(name).orElseThrow().tag());
        } else if (service.has("build")) {
            JsonNode build = service.get("build");
            ObjectNode buildObject = build instanceof ObjectNode o ? o : service.putObject("build").put("context", build.asText("."));
            buildObject.put("context", compose.resolve(buildObject.path("context").asText(".")).toString());
            buildCache.entry(name).ifPresentOrElse(cached -> {
                // the cache's image, not the run's: its cleanup leaves it (a failed build is never tagged)
                addLabel(buildObject, BuildCache.LABEL, cached.key());
                service.put("image", cached.tag());
            }, () -> {
                // The built image carries the run's labels: a sweep finds it even when the run died before `up`.
                addRunLabel(buildObject);
                // A fixed tag lets the build be done (and timed, and reported) before `up`, and removed afterwards.
                service.put("image", builtImage(name));
            });
        }
        if (service.has("volumes")) {
            ArrayNode volumes = NODES.arrayNode();
            service.get("volumes").forEach(volume -> volumes.add(absoluteVolume(compose, volume)));
            service.set("volumes", volumes);
        }
        absolutiseEnvFiles(compose, service);
        readableByEither(service);
        dropDependenciesOnLeftOut(service);
        addRunLabel(service);
        contain(name, service);
    }

    /**
     * The resolved model in words Compose v1 (1.29) reads too: v2's {@code config} writes every bind in the long
     * syntax with its default {@code create_host_path}, an empty command as {@code null}, and each dependency's
     * default {@code required: true}, none of which v1 accepts.
     */
    private static void readableByEither(ObjectNode service) {
        for (String key : List.of("command", "entrypoint")) {
            if (service.has(key) && service.get(key).isNull()) {
                service.remove(key);
            }
        }
        if (service.get("volumes") instanceof ArrayNode volumes) {
            for (int i = 0; i < volumes.size(); i++) {
                JsonNode volume = volumes.get(i);
                JsonNode bind = volume.path("bind");
                boolean plainBind = "bind".equals(volume.path("type").asText()) && bind.path("create_host_path").asBoolean(false)
                        && bind.size() == 1 && volume.size() <= 5;
                Iterator<String> keys = volume.fieldNames();
                while (plainBind && keys.hasNext()) {
                    plainBind = List.of("type", "source", "target", "read_only", "bind").contains(keys.next());
                }
                if (plainBind) {
                    volumes.set(i, TextNode.valueOf(volume.path("source").asText() + ":" + volume.path("target").asText()
                            + (volume.path("read_only").asBoolean(false) ? ":ro" : "")));
                }
            }
        }
        if (service.get("depends_on") instanceof ObjectNode dependencies) {
            dependencies.forEach(dependency -> {
                if (dependency instanceof ObjectNode condition && condition.path("required").asBoolean(false)) {
                    condition.remove("required");
                }
            });
        }
    }

    /**
     * The copy holds the values compose substituted ({@link ComposeFile#tree()}); compose substitutes the copy
     * again when it reads it, so a literal dollar (a regex's {@code $}, written {@code $$} by the student)
     * is written {@code $$} once more.
     */
    private static void escapeDollars(JsonNode node) {
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                JsonNode child = object.get(name);
                if (child.isTextual()) {
                    object.put(name, child.asText().replace("$", "$$"));
                } else {
                    escapeDollars(child);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i).isTextual()) {
                    array.set(i, TextNode.valueOf(array.get(i).asText().replace("$", "$$")));
                } else {
                    escapeDollars(array.get(i));
                }
            }
        }
    }

    /** Limits on what one service may take from the shared machine; the student's own, if any, are replaced. */
    private void contain(String name, ObjectNode service) {
        service.put("mem_limit", limits.memory());
        service.remove("memswap_limit");
        // Compose v2 refuses a deploy limit that differs from mem_limit or cpus, v1 refuses deploy's pids: the
        // grader's limits stand for the student's, as they do for the top-level keys.
        if (service.path("deploy").path("resources") instanceof ObjectNode resources
                && (resources.remove("limits") != null) | (resources.remove("reservations") != null)) {
            changes.add(msg("grader.sanitised.deploy-resources", name));
        }
        service.put("cpus", limits.cpus());
        service.put("pids_limit", limits.pids());
        // no setuid binary or file capability raises a process above what it started with (docs/containment.md)
        ArrayNode securityOptions = service.path("security_opt") instanceof ArrayNode options ? options
                : service.putArray("security_opt");
        securityOptions.add("no-new-privileges:true");
        ObjectNode logging = service.putObject("logging");
        logging.put("driver", "json-file");
        logging.putObject("options").put("max-size", limits.logSize()).put("max-file", "1");
    }

    /** Volumes and networks the run creates carry its labels too, so a sweep finds them after a crash. */
    private void labelDefinitions(ObjectNode compose, String kind) {
        JsonNode definitions = compose.path(kind);
        if (!(definitions instanceof ObjectNode map)) {
            return;
        }
        List<String> names = new ArrayList<>();
        map.fieldNames().forEachRemaining(names::add);
        names.forEach(name -> {
            JsonNode definition = map.get(name);
            ObjectNode object = definition instanceof ObjectNode o ? o : map.putObject(name);
            if (!object.path("external").asBoolean(false) && !object.has("name")) {
                ObjectNode labels = object.path("labels") instanceof ObjectNode l ? l : object.putObject("labels");
                labels.put(RUN_LABEL, runId).put(OWNER_LABEL, owner());
            }
        });
    }

    static String owner() {
        return String.valueOf(ProcessHandle.current().pid());
    }

    /** Configs often name a peer by its container_name: an alias on each of the service's networks keeps that working. */
    private static void keepReachableAs(ObjectNode service, String alias) {
        if (service.has("network_mode")) {
            return;
        }
        JsonNode networks = service.get("networks");
        ObjectNode byName = NODES.objectNode();
        if (networks instanceof ArrayNode list) {
            list.forEach(network -> byName.putObject(network.asText()));
        } else if (networks instanceof ObjectNode map) {
            map.fields().forEachRemaining(e -> byName.set(e.getKey(), e.getValue().isObject() ? e.getValue() : NODES.objectNode()));
        } else {
            byName.putObject("default");
        }
        byName.fields().forEachRemaining(e -> {
            ObjectNode network = (ObjectNode) e.getValue();
            ArrayNode aliases = network.has("aliases") ? (ArrayNode) network.get("aliases") : network.putArray("aliases");
            aliases.add(alias);
        });
        service.set("networks", byName);
    }

    /** The tag a built service's image gets in this run. */
    public String builtImage(String service) {
        return "obsgrader-" + runId + "-" + service.toLowerCase().replaceAll("[^a-z0-9_.-]", "-");
    }

    private String ephemeral(JsonNode port) {
        if (port.isObject()) {
            String protocol = port.path("protocol").asText("tcp");
            return publishedOn + "::" + port.path("target").asText() + ("tcp".equals(protocol) ? "" : "/" + protocol);
        }
        String spec = port.asText();
        String protocol = "";
        int slash = spec.indexOf('/');
        if (slash >= 0) {
            protocol = spec.substring(slash);
            spec = spec.substring(0, slash);
        }
        String containerPort = spec.substring(spec.lastIndexOf(':') + 1);
        return publishedOn + "::" + containerPort + protocol;
    }

    private static JsonNode absoluteVolume(ComposeFile compose, JsonNode volume) {
        if (volume.isObject()) {
            ObjectNode copy = volume.deepCopy();
            String source = copy.path("source").asText("");
            if ("bind".equals(copy.path("type").asText()) || isRelative(source)) {
                copy.put("source", compose.resolve(source).toString());
            }
            return copy;
        }
        String spec = volume.asText();
        int colon = spec.indexOf(':');
        if (colon < 0 || !isRelative(spec.substring(0, colon))) {
            return volume;
        }
        return TextNode.valueOf(compose.resolve(spec.substring(0, colon)) + spec.substring(colon));
    }

    private static boolean isRelative(String source) {
        return source.startsWith(".") || source.startsWith("~");
    }

    private static void absolutiseEnvFiles(ComposeFile compose, ObjectNode service) {
        JsonNode envFile = service.get("env_file");
        if (envFile == null) {
            return;
        }
        if (envFile.isTextual()) {
            service.put("env_file", compose.resolve(envFile.asText()).toString());
        } else {
            ArrayNode files = NODES.arrayNode();
            envFile.forEach(f -> files.add(compose.resolve(f.asText()).toString()));
            service.set("env_file", files);
        }
    }

    private static void absolutiseFiles(ComposeFile compose, JsonNode definitions) {
        definitions.forEach(definition -> {
            if (definition.has("file")) {
                ((ObjectNode) definition).put("file", compose.resolve(definition.get("file").asText()).toString());
            }
        });
    }

    private void dropDependenciesOnLeftOut(ObjectNode service) {
        JsonNode dependsOn = service.get("depends_on");
        if (dependsOn instanceof ObjectNode map) {
            leftOut.keySet().forEach(map::remove);
        } else if (dependsOn instanceof ArrayNode list) {
            for (Iterator<JsonNode> it = list.elements(); it.hasNext(); ) {
                if (leftOut.containsKey(it.next().asText())) {
                    it.remove();
                }
            }
        }
        JsonNode links = service.get("links");
        if (links instanceof ArrayNode list) {
            for (Iterator<JsonNode> it = list.elements(); it.hasNext(); ) {
                if (leftOut.containsKey(it.next().asText().split(":")[0])) {
                    it.remove();
                }
            }
        }
    }

    /** On a service (its containers) or a service's build (its image). */
    private void addRunLabel(ObjectNode labelled) {
        addLabel(labelled, RUN_LABEL, runId);
        addLabel(labelled, OWNER_LABEL, owner());
    }

    /** Adds a label to a service or a build, in the form its labels are written in (a list or a map). */
    private static void addLabel(ObjectNode labelled, String name, String value) {
        JsonNode labels = labelled.get("labels");
        if (labels instanceof ArrayNode list) {
            list.add(name + "=" + value);
        } else {
            (labels instanceof ObjectNode existing ? existing : labelled.putObject("labels")).put(name, value);
        }
    }
}
