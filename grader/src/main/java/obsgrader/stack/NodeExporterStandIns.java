package obsgrader.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * node-exporter graded without the host's files: its read-only mounts of the host's {@code /proc}, {@code /sys}
 * and {@code /} are dropped, and its {@code --path.*} flags pointed at the container's own. Its metrics are still
 * there (a container's {@code /proc} counts the machine's CPU and memory), the host's files are not: whatever it
 * runs, an entrypoint of the student's included, reads nothing of the grading machine.
 */
final class NodeExporterStandIns {
    /** A host path node-exporter may name, and where the container has its own. */
    static final Map<String, String> HOST_PATHS = Map.of("/proc", "/proc", "/sys", "/sys", "/", "/");
    private static final Map<String, String> FLAGS = Map.of("--path.procfs", "/proc", "--path.sysfs", "/sys",
            "--path.rootfs", "/");

    private NodeExporterStandIns() {
    }

    /**
     * Rewrites the service in place. The report says it once, from the policy's allowed exceptions
     * ({@link SubmissionPolicy#allowedExceptions}), which name the same paths.
     */
    static void apply(ObjectNode service) {
        List<String> replaced = new ArrayList<>();
        if (service.get("volumes") instanceof ArrayNode volumes) {
            ArrayNode kept = JsonNodeFactory.instance.arrayNode();
            volumes.forEach(volume -> {
                String source = volume.isObject() ? volume.path("source").asText() : volume.asText().split(":")[0];
                if (HOST_PATHS.containsKey(source.replaceAll("(?<=.)/+$", ""))) {
                    replaced.add(source);
                } else {
                    kept.add(volume);
                }
            });
            service.set("volumes", kept);
        }
        if (replaced.isEmpty()) {
            return;
        }
        JsonNode command = service.get("command");
        if (command instanceof ArrayNode args) {
            ArrayNode rewritten = JsonNodeFactory.instance.arrayNode();
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i).asText();
                String flag = arg.replaceFirst("^-+", "--").split("=")[0];
                if (FLAGS.containsKey(flag) && !arg.contains("=") && i + 1 < args.size()) {
                    rewritten.add(arg);
                    rewritten.add(FLAGS.get(flag));
                    i++;
                } else {
                    rewritten.add(FLAGS.containsKey(flag) ? flag + "=" + FLAGS.get(flag) : arg);
                }
            }
            service.set("command", rewritten);
        } else if (command != null && command.isTextual()) {
            String text = command.asText();
            for (Map.Entry<String, String> flag : FLAGS.entrySet()) {
                text = text.replaceAll("-{1,2}" + flag.getKey().substring(2).replace(".", "\\.") + "[= ]\\S+",
                        flag.getKey() + "=" + flag.getValue());
            }
            service.put("command", text);
        }
    }
}
