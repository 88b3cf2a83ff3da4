package obsgrader.stack;

import static obsgrader.i18n.Message.msg;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import obsgrader.i18n.Message;
import obsgrader.submission.ComposeFile;
import obsgrader.submission.LabRole;
import obsgrader.submission.Mount;

/**
 * What a student's compose file may not do on the grading machine, checked before anything starts: a
 * submission is untrusted code run as root. Each refusal names the service and the option.
 */
public final class SubmissionPolicy {
    /** Host paths node-exporter may read, read-only: the lab mounts them to report on the host. */
    private static final Set<String> NODE_EXPORTER_HOST_PATHS = Set.of("/proc", "/sys", "/");
    private static final Set<String> HOST_NAMESPACES = Set.of("network_mode", "pid", "ipc", "userns_mode", "uts");

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

    /** Allowed exceptions worth telling the student about (node-exporter's host mounts). */
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

    private List<Refusal> everyRefusal(ComposeFile compose) {
        List<Refusal> refusals = new ArrayList<>();
        String nodeExporter = compose.serviceFor(LabRole.NODE_EXPORTER).orElse("");
        for (Map.Entry<String, JsonNode> entry : compose.services().entrySet()) {
            String name = entry.getKey();
            JsonNode service = entry.getValue();
            if (service.path("privileged").asBoolean(false)) {
                refusals.add(new Refusal(name, "privileged: true", msg("grader.refusal.privileged")));
            }
            HOST_NAMESPACES.forEach(key -> {
                if ("host".equals(service.path(key).asText())) {
                    refusals.add(new Refusal(name, key + ": host", msg("grader.refusal.host-namespace")));
                }
            });
            if (!service.path("cap_add").isEmpty()) {
                refusals.add(new Refusal(name, "cap_add: " + service.path("cap_add"), msg("grader.refusal.capabilities")));
            }
            if (!service.path("devices").isEmpty()) {
                refusals.add(new Refusal(name, "devices: " + service.path("devices"), msg("grader.refusal.devices")));
            }
            service.path("security_opt").forEach(option -> {
                if (option.asText().contains("unconfined")) {
                    refusals.add(new Refusal(name, "security_opt: " + option.asText(), msg("grader.refusal.unconfined")));
                }
            });
            for (Mount mount : compose.mounts(name)) {
                refusals.addAll(mountRefusals(name, mount, name.equals(nodeExporter)));
            }
            compose.buildContext(name).filter(context -> !trusted(context)).ifPresent(context -> refusals.add(
                    new Refusal(name, "build: " + context, msg("grader.refusal.build-context"))));
        }
        return refusals;
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
        return mount.isBind() && mount.readOnly() && NODE_EXPORTER_HOST_PATHS.contains(mount.source());
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
